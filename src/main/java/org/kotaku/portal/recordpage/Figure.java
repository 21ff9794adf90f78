package org.kotaku.portal.recordpage;

import org.kotaku.portal.catalog.Text;

/**
 * One figure of a record page: its label in both languages, the published field it shows
 * (its name in the API, the CSV and the data dictionary), the value as published and as
 * written for people, and the value's unit.
 */
public record Figure(Text label, String field, Object value, String text, String unit) {

}
