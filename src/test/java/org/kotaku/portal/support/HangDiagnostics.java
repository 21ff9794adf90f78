package org.kotaku.portal.support;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.net.http.HttpTimeoutException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalTime;
import java.util.Map;
import java.util.concurrent.TimeoutException;

import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.TestExecutionExceptionHandler;

/**
 * When a test fails because a request timed out, writes every thread's full stack to
 * {@code target/hang-dumps/} before the failure is reported, so that a hang seen once in
 * a long suite can be diagnosed afterwards (the server under test runs in the same JVM),
 * and prints the sessions of the shared test database that were not idle, with what they
 * waited for and who blocked them, where the test's output shows it.
 */
public final class HangDiagnostics implements TestExecutionExceptionHandler {

	private static final Path DIRECTORY = Path.of("target", "hang-dumps");

	@Override
	public void handleTestExecutionException(ExtensionContext context, Throwable failure) throws Throwable {
		if (isTimeout(failure)) {
			Path file = DIRECTORY.resolve(context.getRequiredTestClass().getSimpleName() + "."
					+ context.getRequiredTestMethod().getName() + "-" + LocalTime.now().toSecondOfDay() + ".txt");
			String sessions = busySessions();
			write(file, failure, sessions);
			System.err.println("Request timed out: thread dump written to " + file.toAbsolutePath()
					+ "\nSessions of the test database that were not idle:\n" + sessions);
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

	/**
	 * One line per session of the shared database that was not idle: who, how long in its
	 * transaction, what it waited for, which sessions blocked it, what it ran.
	 */
	static String busySessions() {
		String query = """
				select pid, application_name, state, wait_event_type || ':' || wait_event,
				       pg_blocking_pids(pid)::text, round(extract(epoch from now() - xact_start)), left(query, 160)
				from pg_stat_activity
				where datname = current_database() and pid <> pg_backend_pid() and state <> 'idle'
				order by xact_start""";
		StringBuilder out = new StringBuilder();
		try (Connection c = TestDatabase.shared().connect();
				Statement s = c.createStatement();
				ResultSet rows = s.executeQuery(query)) {
			while (rows.next()) {
				out.append("  pid ")
					.append(rows.getInt(1))
					.append(" [")
					.append(rows.getString(2))
					.append("] ")
					.append(rows.getString(3))
					.append(", waits ")
					.append(rows.getString(4))
					.append(", blocked by ")
					.append(rows.getString(5))
					.append(", in transaction ")
					.append(rows.getString(6))
					.append(" s: ")
					.append(rows.getString(7).replaceAll("\\s+", " "))
					.append('\n');
			}
		}
		catch (SQLException | RuntimeException ex) {
			out.append("  (could not read pg_stat_activity: ").append(ex).append(")\n");
		}
		return out.isEmpty() ? "  (none)\n" : out.toString();
	}

	private static void write(Path file, Throwable failure, String sessions) throws IOException {
		StringBuilder out = new StringBuilder("Failure: ").append(failure).append("\n\n");
		out.append("Sessions of the test database that were not idle:\n").append(sessions).append('\n');
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
