/**
 * The page of one published record on the site ({@code /kegiatan/{id}},
 * {@code /kawasan/{id}}, a region's profile), rendered on the server: the feature that
 * owns the record says what it shows ({@link org.kotaku.portal.recordpage.RecordView}:
 * figures written by their catalog field, regions, point, related records, downloads) and
 * {@link org.kotaku.portal.recordpage.RecordPages} writes it, escaped, as the page's body
 * for readers without JavaScript, its canonical and Open Graph tags and its schema.org
 * JSON-LD. The site's routes serve it through the response cache
 * ({@code web.SiteRecordPage}). Depends on {@code api}, {@code catalog},
 * {@code dataversion}, {@code licence}, {@code opendata} (the public URL and publisher)
 * and {@code web}.
 */
package org.kotaku.portal.recordpage;
