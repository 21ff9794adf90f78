package org.kotaku.portal.web;

import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;

import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.mock.http.server.reactive.MockServerHttpRequest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * Whom a request comes from and which URL it was sent to, behind trusted proxies or none.
 */
class ForwardedRequestsTests {

	private static ForwardedRequests.Edge edge(String... trusted) {
		return ForwardedRequests.Edge
			.of(new HttpProperties(List.of(trusted), List.of(), Duration.ofDays(365), Duration.ofSeconds(20)));
	}

	private static MockServerHttpRequest.BaseBuilder<?> from(String peer) {
		return MockServerHttpRequest.get("http://node-1:8080/ogc?f=json")
			.remoteAddress(new InetSocketAddress(peer, 41000));
	}

	private static String client(ServerHttpRequest request) {
		return ClientAddress.of(request);
	}

	@Test
	void withoutTrustedProxiesForwardedHeadersAreDropped() {
		ServerHttpRequest seen = edge().apply(from("198.51.100.4").header("X-Forwarded-For", "10.0.0.1")
			.header("X-Forwarded-Host", "evil.example")
			.header("X-Forwarded-Proto", "https")
			.build());
		assertThat(client(seen)).isEqualTo("198.51.100.4");
		assertThat(seen.getURI().toString()).isEqualTo("http://node-1:8080/ogc?f=json");
		assertThat(seen.getHeaders().containsHeader("X-Forwarded-Host")).isFalse();
	}

	@Test
	void aPeerThatIsNoTrustedProxyIsNotBelieved() {
		ServerHttpRequest seen = edge("10.0.0.0/8").apply(from("198.51.100.4").header("X-Forwarded-For", "10.0.0.1")
			.header("X-Forwarded-Host", "evil.example")
			.build());
		assertThat(client(seen)).isEqualTo("198.51.100.4");
		assertThat(seen.getURI().getHost()).isEqualTo("node-1");
	}

	@Test
	void behindATrustedProxyTheUrlIsThePublicOneAndTheClientTheRightmostUntrustedHop() {
		ForwardedRequests.Edge edge = edge("10.0.0.0/8", "2001:db8::/32");
		ServerHttpRequest seen = edge
			.apply(from("10.0.0.2").header("X-Forwarded-For", "127.0.0.1, 203.0.113.9, 10.0.0.7")
				.header("X-Forwarded-Host", "data.kotaku.example")
				.header("X-Forwarded-Proto", "https")
				.build());
		assertThat(client(seen)).as("the forged leftmost hop is ignored, the inner proxy skipped")
			.isEqualTo("203.0.113.9");
		assertThat(seen.getURI().toString()).isEqualTo("https://data.kotaku.example/ogc?f=json");

		assertThat(client(edge.apply(from("10.0.0.2").header("X-Forwarded-For", "203.0.113.9")
			.header("X-Forwarded-For", "10.1.1.1")
			.build()))).as("several headers are one list").isEqualTo("203.0.113.9");
		assertThat(client(edge.apply(from("2001:db8::1").header("X-Forwarded-For", "[2001:db9::5]").build())))
			.isEqualTo("2001:db9:0:0:0:0:0:5");
		assertThat(client(edge.apply(from("10.0.0.2").build()))).as("no header: the proxy").isEqualTo("10.0.0.2");
		assertThat(client(edge.apply(from("10.0.0.2").header("X-Forwarded-For", "10.0.0.9, 10.0.0.8").build())))
			.as("all hops trusted: the leftmost")
			.isEqualTo("10.0.0.9");
		assertThat(client(
				edge.apply(from("10.0.0.2").header("X-Forwarded-For", "203.0.113.9, unknown, 10.0.0.8").build())))
			.as("a hop that is no address stops the walk at the last trusted one")
			.isEqualTo("10.0.0.8");
		assertThat(client(edge.apply(from("10.0.0.2").header("X-Forwarded-For", "evil.example").build())))
			.as("a host name is never looked up")
			.isEqualTo("10.0.0.2");
	}

	@Test
	void hstsIsSentForHttpsOnlyAndCanBeTurnedOff() {
		assertThat(edge().hsts()).isEqualTo("max-age=31536000; includeSubDomains");
		assertThat(ForwardedRequests.Edge
			.of(new HttpProperties(List.of(), List.of(), Duration.ZERO, Duration.ofSeconds(20)))
			.hsts()).isNull();
	}

	@Test
	void addressBlocksMatchIpv4AndIpv6AndRefuseWhatIsNoBlock() {
		AddressBlocks blocks = AddressBlocks.parse(List.of("10.0.0.0/8", " 192.168.1.1 ", "fd00::/8", ""));
		assertThat(blocks.contains("10.255.0.1")).isTrue();
		assertThat(blocks.contains("11.0.0.1")).isFalse();
		assertThat(blocks.contains("192.168.1.1")).isTrue();
		assertThat(blocks.contains("192.168.1.2")).isFalse();
		assertThat(blocks.contains("fd12::1")).isTrue();
		assertThat(blocks.contains("fe80::1")).isFalse();
		assertThat(blocks.contains("::ffff:10.0.0.1")).as("IPv4-mapped").isTrue();
		assertThat(blocks.contains("localhost")).isFalse();
		assertThat(AddressBlocks.LOOPBACK.contains("127.0.0.1")).isTrue();
		assertThat(AddressBlocks.LOOPBACK.contains("::1")).isTrue();
		assertThatIllegalArgumentException().isThrownBy(() -> AddressBlocks.parse(List.of("proxy.example")))
			.withMessageContaining("'proxy.example' is not an IP address");
		assertThatIllegalArgumentException().isThrownBy(() -> AddressBlocks.parse(List.of("10.0.0.0/33")))
			.withMessageContaining("0 to 32");
		assertThatIllegalArgumentException().isThrownBy(() -> AddressBlocks.parse(List.of("10.0.0.0/x")));
	}

}
