package org.kotaku.portal.web;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.AppenderBase;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

import org.kotaku.portal.api.Problems;
import org.kotaku.portal.support.IntegrationTest;
import org.kotaku.portal.support.WithTinyDemo;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.logging.logback.StructuredLogEncoder;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.core.env.Environment;
import org.springframework.test.web.reactive.server.EntityExchangeResult;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.RouterFunctions;
import org.springframework.web.reactive.function.server.ServerResponse;
import org.springframework.web.server.WebFilter;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every answer names its request in X-Request-Id, routed or replayed by the fast path, a
 * problem or a request the framework never saw; a well-formed id of the client is kept,
 * anything else replaced. A problem carries the id as {@code requestId}, the log line of
 * a 5xx has it as a field of its JSON, and the request metrics count the answers of the
 * fast path under their route.
 */
@IntegrationTest
@WithTinyDemo(readModel = true)
@Import(RequestIdIntegrationTests.Probes.class)
class RequestIdIntegrationTests {

	private static final Pattern GENERATED = Pattern.compile("[0-9a-f]{32}");

	@TestConfiguration
	static class Probes {

		static final AtomicInteger routed = new AtomicInteger();

		@Bean
		WebFilter countRoutedRequests() {
			return (exchange, chain) -> Mono.fromRunnable(routed::incrementAndGet).then(chain.filter(exchange));
		}

		/**
		 * A route that fails as an unexpected bug would (a 500, logged with its cause).
		 */
		@Bean
		RouterFunction<ServerResponse> failingRoute() {
			return RouterFunctions.route()
				.GET("/test/fails", (request) -> Mono.error(new IllegalStateException("broken on purpose")))
				.build();
		}

	}

	@Autowired
	WebTestClient client;

	@Autowired
	Environment environment;

	@Value("${local.server.port}")
	int port;

	private final List<ILoggingEvent> problemLog = new CopyOnWriteArrayList<>();

	private final AppenderBase<ILoggingEvent> appender = new AppenderBase<>() {
		@Override
		protected void append(ILoggingEvent event) {
			event.prepareForDeferredProcessing();
			RequestIdIntegrationTests.this.problemLog.add(event);
		}
	};

	@BeforeEach
	void listenToProblems() {
		this.appender.setContext((LoggerContext) LoggerFactory.getILoggerFactory());
		this.appender.start();
		problemsLogger().addAppender(this.appender);
	}

	@AfterEach
	void stopListening() {
		problemsLogger().detachAppender(this.appender);
		this.appender.stop();
	}

	@Test
	void routedAndReplayedAnswersCarryANewIdOrTheClientsWellFormedOne() {
		String uri = "/api/v1/progress?level=2&metric=disbursed_idr&year=2019";
		int before = Probes.routed.get();
		String routed = get(uri, null).getResponseHeaders().getFirst("X-Request-Id");
		String fast = get(uri, null).getResponseHeaders().getFirst("X-Request-Id");
		assertThat(Probes.routed.get()).as("the second answer came from the fast path").isEqualTo(before + 1);
		assertThat(routed).matches(GENERATED);
		assertThat(fast).matches(GENERATED).isNotEqualTo(routed);

		String mine = "client-42.retry:1_" + "x".repeat(RequestIds.MAX_LENGTH - 18);
		assertThat(get(uri, mine).getResponseHeaders().getFirst("X-Request-Id")).isEqualTo(mine);
		assertThat(Probes.routed.get()).as("fast path again").isEqualTo(before + 1);
		for (String bad : List.of(mine + "x", "two words", "a;b", "<script>", "é")) {
			assertThat(get(uri, bad).getResponseHeaders().getFirst("X-Request-Id")).as(bad).matches(GENERATED);
		}
		assertThat(this.client.get()
			.uri("/actuator/health")
			.exchange()
			.returnResult(byte[].class)
			.getResponseHeaders()
			.getFirst("X-Request-Id")).matches(GENERATED);
	}

	@Test
	void aProblemNamesItsRequestInHeaderAndBody() {
		EntityExchangeResult<byte[]> generated = get("/api/v1/summary?yaer=2020", null);
		assertThat(generated.getStatus().value()).isEqualTo(400);
		String id = generated.getResponseHeaders().getFirst("X-Request-Id");
		assertThat(id).matches(GENERATED);
		assertThat(map(generated.getResponseBody())).containsEntry("requestId", id);

		EntityExchangeResult<byte[]> mine = get("/api/v1/activities/NOPE-1", "support-ticket-77");
		assertThat(mine.getStatus().value()).isEqualTo(404);
		assertThat(mine.getResponseHeaders().getFirst("X-Request-Id")).isEqualTo("support-ticket-77");
		assertThat(map(mine.getResponseBody())).containsEntry("requestId", "support-ticket-77");
	}

	@Test
	void aRequestTheFrameworkNeverSawIsNamedToo() throws IOException {
		String answer = raw("GET /api/v1/activities?q=%ZZ HTTP/1.1\r\nHost: localhost\r\nX-Request-Id: raw-7\r\n\r\n");
		assertThat(answer).startsWith("HTTP/1.1 400")
			.containsIgnoringCase("x-request-id: raw-7")
			.contains("\"requestId\":\"raw-7\"");
	}

	@Test
	void theLogLineOfA5xxIsJsonWithTheRequestId() {
		assertThat(this.environment.getProperty("logging.structured.format.console"))
			.as("PORTAL_LOG_FORMAT=json (the default) is Elastic Common Schema")
			.isEqualTo("ecs");
		EntityExchangeResult<byte[]> failed = get("/test/fails", null);
		assertThat(failed.getStatus().value()).isEqualTo(500);
		String id = failed.getResponseHeaders().getFirst("X-Request-Id");
		assertThat(map(failed.getResponseBody())).containsEntry("requestId", id)
			.doesNotContainValue("broken on purpose");

		ILoggingEvent logged = this.problemLog.stream()
			.filter((event) -> id.equals(event.getMDCPropertyMap().get(Problems.REQUEST_ID)))
			.findFirst()
			.orElseThrow(() -> new AssertionError("no log line with requestId " + id + " in " + this.problemLog));
		StructuredLogEncoder encoder = new StructuredLogEncoder();
		encoder.setContext((LoggerContext) LoggerFactory.getILoggerFactory());
		encoder.setFormat(this.environment.getProperty("logging.structured.format.console"));
		encoder.start();
		String line = new String(encoder.encode(logged), StandardCharsets.UTF_8);
		Map<String, Object> json = map(line.getBytes(StandardCharsets.UTF_8));
		assertThat(json).containsEntry("requestId", id)
			.containsEntry("message", "unexpected failure")
			.containsKeys("@timestamp", "log", "error");
		assertThat(line).contains("broken on purpose").endsWith("\n");
	}

	@Test
	void answersOfTheFastPathAreCountedUnderTheirRoute() {
		String uri = "/api/v1/summary?year=2021";
		get(uri, null); // rendered and cached (or already cached by an earlier test)
		double before = count("/api/v1/summary");
		int routedBefore = Probes.routed.get();
		int n = 7;
		for (int i = 0; i < n; i++) {
			assertThat(get(uri, null).getStatus().value()).isEqualTo(200);
		}
		assertThat(Probes.routed.get()).as("all %d from the fast path", n).isEqualTo(routedBefore);
		assertThat(count("/api/v1/summary")).isEqualTo(before + n);
	}

	private double count(String route) {
		String metrics = new String(this.client.get()
			.uri("/actuator/prometheus")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.returnResult()
			.getResponseBody(), StandardCharsets.UTF_8);
		Matcher line = Pattern.compile("^http_server_requests_seconds_count\\{([^}]*)\\} (\\S+)$", Pattern.MULTILINE)
			.matcher(metrics);
		double total = 0;
		while (line.find()) {
			String tags = line.group(1);
			if (tags.contains("uri=\"" + route + "\"") && tags.contains("method=\"GET\"")
					&& tags.contains("status=\"200\"")) {
				total += Double.parseDouble(line.group(2));
			}
		}
		return total;
	}

	private EntityExchangeResult<byte[]> get(String uri, String requestId) {
		WebTestClient.RequestHeadersSpec<?> request = this.client.get().uri(uri);
		if (requestId != null) {
			request = request.header("X-Request-Id", requestId);
		}
		return request.exchange().expectBody().returnResult();
	}

	private String raw(String request) throws IOException {
		try (Socket socket = new Socket("127.0.0.1", this.port)) {
			socket.setSoTimeout(10_000);
			OutputStream out = socket.getOutputStream();
			out.write(request.getBytes(StandardCharsets.ISO_8859_1));
			out.flush();
			InputStream in = socket.getInputStream();
			ByteArrayOutputStream answer = new ByteArrayOutputStream();
			in.transferTo(answer); // the guard closes the connection after its answer
			return answer.toString(StandardCharsets.UTF_8);
		}
	}

	@SuppressWarnings("unchecked")
	private static Map<String, Object> map(byte[] json) {
		return JsonMapper.builder().build().readValue(json, Map.class);
	}

	private static Logger problemsLogger() {
		return (Logger) LoggerFactory.getLogger(Problems.class);
	}

}
