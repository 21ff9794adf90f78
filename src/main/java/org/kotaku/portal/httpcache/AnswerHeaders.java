package org.kotaku.portal.httpcache;

import org.springframework.http.HttpHeaders;

/**
 * Headers a filter of the normal path puts on every answer to a path (e.g. the security
 * headers): the response cache asks each of these beans once per cached answer, so that
 * the {@link FastPath}, which answers before the filters run, sends exactly the headers
 * of the routed answer. Declare one as a bean.
 */
@FunctionalInterface
public interface AnswerHeaders {

	/** Adds this filter's headers for an answer to {@code path}. */
	void addTo(String path, HttpHeaders headers);

}
