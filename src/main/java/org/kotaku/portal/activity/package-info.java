/**
 * Activities (kegiatan) searched in PostGIS: {@code /api/v1/activities} and {@code /{id}}. Its published fields
 * and filters; everything else comes from {@code listing}.
 */
package org.kotaku.portal.activity;
