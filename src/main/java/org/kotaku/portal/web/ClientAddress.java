package org.kotaku.portal.web;

import java.net.InetSocketAddress;

import org.springframework.http.server.reactive.ServerHttpRequest;

/**
 * The address of the client a request comes from, the key of every per-client limit
 * (requests, exports) and of the internal-caller check: the request's remote address,
 * which {@link ForwardedRequests} has already set to the client behind the trusted
 * proxies.
 */
public final class ClientAddress {

	private ClientAddress() {
	}

	public static String of(ServerHttpRequest request) {
		InetSocketAddress remote = request.getRemoteAddress();
		return remote == null || remote.getAddress() == null ? "unknown" : remote.getAddress().getHostAddress();
	}

}
