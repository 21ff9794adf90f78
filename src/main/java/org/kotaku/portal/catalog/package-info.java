/**
 * The catalog of published datasets: for each dataset one
 * {@link org.kotaku.portal.catalog.Dataset} with its
 * {@link org.kotaku.portal.catalog.Field}s (public name, SQL, type, unit, allowed values,
 * nullability, both-language descriptions, queryable and sortable flags) and the closed
 * vocabularies as enums. A leaf: it depends on no other package of the portal; the list
 * API, OGC API - Features, the bulk files and the catalogs read it.
 */
package org.kotaku.portal.catalog;
