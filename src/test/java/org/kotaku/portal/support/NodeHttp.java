package org.kotaku.portal.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.time.Duration;

/**
 * Plain HTTP to a node a test started on a cluster of its own: a JDK client, independent
 * of the reactor-netty resources that other test contexts of this JVM share, and the
 * health wait such tests need.
 */
public record NodeHttp(String base) {

	private static final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

	public HttpResponse<String> get(String path) {
		return send(HttpRequest.newBuilder(URI.create(this.base + path)).timeout(Duration.ofSeconds(30)).build());
	}

	public HttpRequest.Builder request(String path) {
		return HttpRequest.newBuilder(URI.create(this.base + path)).timeout(Duration.ofSeconds(30));
	}

	public HttpResponse<String> send(HttpRequest request) {
		try {
			return http.send(request, BodyHandlers.ofString());
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	/** Waits up to 60 s for {@code /actuator/health} to say {@code status}. */
	public void awaitHealth(String status) throws InterruptedException {
		long deadline = System.currentTimeMillis() + 60_000;
		String seen = null;
		while (System.currentTimeMillis() < deadline) {
			seen = get("/actuator/health").body();
			if (seen.endsWith("\"status\":\"" + status + "\"}")) {
				return;
			}
			Thread.sleep(200);
		}
		throw new AssertionError("health never became " + status + "; last: " + seen);
	}

}
