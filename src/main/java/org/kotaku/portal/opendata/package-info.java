/**
 * Open data for machines, read from the {@link org.kotaku.portal.catalog catalog}: the
 * data dictionary ({@code /api/v1/datasets}, {@code docs/data-dictionary.md}), the
 * harvestable catalogs ({@code /catalog.jsonld} in DCAT-AP, {@code /datapackage.json} in
 * Frictionless) and the schema.org markup of the site's {@code /data} page. Record
 * counts, coverage and last modification per dataset are read once per data version
 * ({@link org.kotaku.portal.opendata.DatasetFactsRepository}). Depends on
 * {@code catalog}, {@code api}, {@code dataversion}, {@code httpcache}, {@code licence},
 * {@code web}, {@code ogc}, {@code bulk} and {@code readmodel}.
 */
package org.kotaku.portal.opendata;
