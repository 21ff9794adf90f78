package org.kotaku.portal.web;

import java.net.InetSocketAddress;

import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.stereotype.Component;

/**
 * The address of the client a request comes from, the key of every per-client limit (requests, exports): the
 * socket's peer, or behind a proxy that sets it, the first {@code X-Forwarded-For} entry
 * ({@code portal.rate-limit.trust-forwarded-for}).
 */
@Component
public class ClientAddress {

	private final boolean trustForwardedFor;

	ClientAddress(RateLimitProperties properties) {
		this.trustForwardedFor = properties.trustForwardedFor();
	}

	public String of(ServerHttpRequest request) {
		if (this.trustForwardedFor) {
			String forwarded = request.getHeaders().getFirst("X-Forwarded-For");
			if (forwarded != null && !forwarded.isBlank()) {
				return forwarded.split(",")[0].strip();
			}
		}
		InetSocketAddress remote = request.getRemoteAddress();
		return remote == null || remote.getAddress() == null ? "unknown" : remote.getAddress().getHostAddress();
	}

}
