package org.kotaku.portal.support;

import java.io.File;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The portal in a JVM of its own (same Java, same class path as the tests) against an
 * {@link OwnCluster}, for a test that kills it with SIGKILL the way an operator or the
 * OOM killer would, and starts it again. Its output goes to target/portal-process-*.log.
 */
public final class PortalProcess implements AutoCloseable {

	private static final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

	private final List<String> command;

	private final int port;

	private final Path log;

	private volatile Process process;

	private PortalProcess(List<String> command, int port, Path log) {
		this.command = command;
		this.port = port;
		this.log = log;
	}

	/**
	 * Starts the portal on a free port against {@code cluster} and waits until its health
	 * is UP.
	 */
	public static PortalProcess start(OwnCluster cluster, String... arguments) {
		int port = OwnCluster.freePort();
		List<String> command = new ArrayList<>(
				List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx512m",
						"-XX:TieredStopAtLevel=1", "-cp", System.getProperty("java.class.path"),
						"org.kotaku.portal.PortalApplication", "--server.port=" + port,
						"--spring.r2dbc.url=" + cluster.r2dbcUrl(), "--spring.r2dbc.username=" + OwnCluster.USER,
						"--spring.r2dbc.password=" + OwnCluster.PASSWORD, "--spring.flyway.url=" + cluster.jdbcUrl(),
						"--spring.flyway.user=" + OwnCluster.USER, "--spring.flyway.password=" + OwnCluster.PASSWORD,
						"--spring.application.name=kotaku-portal-process"));
		command.addAll(List.of(arguments));
		PortalProcess portal = new PortalProcess(command, port, Path.of("target", "portal-process-" + port + ".log"));
		// a test JVM that dies without closing it leaves no portal behind
		Runtime.getRuntime().addShutdownHook(new Thread(portal::destroyIfAlive));
		portal.restart();
		return portal;
	}

	public String baseUrl() {
		return "http://127.0.0.1:" + this.port;
	}

	public int port() {
		return this.port;
	}

	/**
	 * Kills the JVM with SIGKILL (no shutdown hook, no graceful shutdown) and waits until
	 * it is gone.
	 */
	public void kill() throws InterruptedException {
		this.process.destroyForcibly();
		if (!this.process.waitFor(30, TimeUnit.SECONDS)) {
			throw new IllegalStateException("the portal process " + this.process.pid() + " survived SIGKILL");
		}
	}

	/**
	 * Starts the JVM again (after {@link #kill()}) on the same port, and waits until its
	 * health is UP.
	 */
	public void restart() {
		try {
			Files.createDirectories(this.log.getParent());
			this.process = new ProcessBuilder(this.command).redirectErrorStream(true)
				.redirectOutput(ProcessBuilder.Redirect.appendTo(new File(this.log.toString())))
				.start();
			awaitUp(Duration.ofSeconds(120));
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	@Override
	public void close() throws InterruptedException {
		if (this.process != null && this.process.isAlive()) {
			this.process.destroy();
			if (!this.process.waitFor(30, TimeUnit.SECONDS)) {
				kill();
			}
		}
	}

	private void destroyIfAlive() {
		Process current = this.process;
		if (current != null) {
			current.destroyForcibly();
		}
	}

	private void awaitUp(Duration timeout) throws InterruptedException {
		long deadline = System.nanoTime() + timeout.toNanos();
		String seen = "no answer";
		while (System.nanoTime() < deadline) {
			if (!this.process.isAlive()) {
				throw new IllegalStateException("the portal process exited with " + this.process.exitValue() + "; see "
						+ this.log.toAbsolutePath());
			}
			try {
				seen = http
					.send(HttpRequest.newBuilder(URI.create(baseUrl() + "/actuator/health"))
						.timeout(Duration.ofSeconds(5))
						.build(), BodyHandlers.ofString())
					.body();
				if (seen.endsWith("\"status\":\"UP\"}")) {
					return;
				}
			}
			catch (IOException ex) {
				seen = ex.toString();
			}
			Thread.sleep(250);
		}
		throw new IllegalStateException(
				"the portal process never became UP; last: " + seen + "; see " + this.log.toAbsolutePath());
	}

}
