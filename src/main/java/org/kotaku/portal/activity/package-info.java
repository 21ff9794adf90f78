/**
 * Activities (kegiatan) searched in PostGIS: {@code /api/v1/activities} and
 * {@code /{id}}, and the site's page of one activity ({@code /kegiatan/{id}}, rendered on
 * the server through {@code recordpage}). Its published fields and filters; everything
 * else comes from {@code listing}. Depends on {@code api}, {@code catalog},
 * {@code dataversion}, {@code listing}, {@code recordpage}, {@code regioncode} and
 * {@code web}.
 */
package org.kotaku.portal.activity;
