package org.kotaku.portal.support;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.net.http.HttpTimeoutException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalTime;
import java.util.Map;
import java.util.concurrent.TimeoutException;

import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.TestExecutionExceptionHandler;

/**
 * When a test fails because a request timed out, writes every thread's full stack to
 * {@code target/hang-dumps/} before the failure is reported, so that a hang seen once in
 * a long suite can be diagnosed afterwards (the server under test runs in the same JVM).
 */
public final class HangDiagnostics implements TestExecutionExceptionHandler {

	private static final Path DIRECTORY = Path.of("target", "hang-dumps");

	@Override
	public void handleTestExecutionException(ExtensionContext context, Throwable failure) throws Throwable {
		if (isTimeout(failure)) {
			Path file = DIRECTORY.resolve(context.getRequiredTestClass().getSimpleName() + "."
					+ context.getRequiredTestMethod().getName() + "-" + LocalTime.now().toSecondOfDay() + ".txt");
			write(file, failure);
			System.err.println("Request timed out: thread dump written to " + file.toAbsolutePath());
		}
		throw failure;
	}

	static boolean isTimeout(Throwable failure) {
		for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
			if (cause instanceof TimeoutException || cause instanceof HttpTimeoutException
					|| String.valueOf(cause.getMessage()).contains("Timeout on blocking")) {
				return true;
			}
		}
		return false;
	}

	private static void write(Path file, Throwable failure) throws IOException {
		StringBuilder out = new StringBuilder("Failure: ").append(failure).append("\n\n");
		for (var info : ManagementFactory.getThreadMXBean().dumpAllThreads(true, true)) {
			out.append('"').append(info.getThreadName()).append("\" ").append(info.getThreadState());
			if (info.getLockName() != null) {
				out.append(" on ").append(info.getLockName()).append(" owned by ").append(info.getLockOwnerName());
			}
			out.append('\n');
		}
		out.append('\n');
		for (Map.Entry<Thread, StackTraceElement[]> thread : Thread.getAllStackTraces().entrySet()) {
			out.append('"')
				.append(thread.getKey().getName())
				.append("\" ")
				.append(thread.getKey().getState())
				.append('\n');
			for (StackTraceElement frame : thread.getValue()) {
				out.append("\tat ").append(frame).append('\n');
			}
			out.append('\n');
		}
		Files.createDirectories(DIRECTORY);
		Files.writeString(file, out);
	}

}
