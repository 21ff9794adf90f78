package org.kotaku.portal.readmodel;

/**
 * The fiscal years slum areas count in (from the first to the last year of any assessment
 * or activity; see slum-year.sql): an area never assessed counts in each. A snapshot can
 * be patched only while they stay the same.
 */
record SlumYears(int first, int last) implements java.io.Serializable {
}
