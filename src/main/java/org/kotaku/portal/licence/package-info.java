/**
 * The data licence and attribution, configured once ({@code portal.licence.*}) and
 * written everywhere: {@link org.kotaku.portal.licence.Licence} is the public API (the
 * {@code licence} JSON member, the {@code Link: rel="license"} header, the attribution
 * text) that features call; {@code LicenceHeaders} puts the header on every public
 * answer, cached ones included. Depends on {@code httpcache} only for its
 * {@code AnswerHeaders} hook.
 */
package org.kotaku.portal.licence;
