import java.io.IOException;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One run of the monitor as a child process, with the timestamps a cold start is judged by.
 * Times are milliseconds since just before the process was launched.
 */
final class AppProcess implements AutoCloseable {

	private static final Pattern STARTED = Pattern.compile("Started \\S+ in ([0-9.]+) seconds");

	private static final Duration POLL_INTERVAL = Duration.ofMillis(10);

	private final Process process;

	private final long launchedNanos;

	private final String baseUrl;

	private final Path log;

	private final HttpClient http = HttpClient.newBuilder()
		.version(HttpClient.Version.HTTP_1_1)
		.connectTimeout(Duration.ofSeconds(2))
		.build();

	private AppProcess(Process process, long launchedNanos, int port, Path log) {
		this.process = process;
		this.launchedNanos = launchedNanos;
		this.baseUrl = "http://127.0.0.1:" + port;
		this.log = log;
	}

	/**
	 * Launches {@code command} followed by the application arguments that point it at the
	 * stub, a database under {@code workDir} and a free loopback port. The child never
	 * inherits {@code JAVA_TOOL_OPTIONS} or {@code JDK_JAVA_OPTIONS}, so its flags are exactly
	 * the ones in {@code command}.
	 */
	static AppProcess launch(List<String> command, List<String> appArguments, Path workDir) throws IOException {
		Files.createDirectories(workDir);
		int port = freePort();
		List<String> full = new ArrayList<>(command);
		full.add("--server.address=127.0.0.1");
		full.add("--server.port=" + port);
		full.add("--spring.datasource.url=jdbc:sqlite:" + workDir.resolve("usage.db").toAbsolutePath());
		full.addAll(appArguments);
		Path log = workDir.resolve("app.log");
		ProcessBuilder builder = new ProcessBuilder(full).redirectErrorStream(true)
			.redirectOutput(log.toFile())
			.directory(workDir.toFile());
		builder.environment().remove("JAVA_TOOL_OPTIONS");
		builder.environment().remove("JDK_JAVA_OPTIONS");
		long launched = System.nanoTime();
		return new AppProcess(builder.start(), launched, port, log);
	}

	/**
	 * Polls the readiness probe every 10 ms until it returns 200 and returns the time of that
	 * response.
	 * @throws IllegalStateException when the process exits or the timeout passes first
	 */
	long awaitReady(Duration timeout) throws IOException, InterruptedException {
		HttpRequest probe = HttpRequest.newBuilder(URI.create(this.baseUrl + "/actuator/health/readiness")).build();
		long deadline = System.nanoTime() + timeout.toNanos();
		while (System.nanoTime() < deadline) {
			if (!this.process.isAlive()) {
				throw new IllegalStateException("The monitor exited with code " + this.process.exitValue()
						+ " before it was ready; see " + this.log);
			}
			try {
				if (this.http.send(probe, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
					return elapsedMillis();
				}
			}
			catch (ConnectException ex) {
				// Not listening yet.
			}
			Thread.sleep(POLL_INTERVAL);
		}
		throw new IllegalStateException("The monitor was not ready within " + timeout + "; see " + this.log);
	}

	/**
	 * Sends {@code POST /} and returns the cycle summary.
	 * @throws IllegalStateException when the status is not 200
	 */
	String runCycle() throws IOException, InterruptedException {
		HttpRequest request = HttpRequest.newBuilder(URI.create(this.baseUrl + "/"))
			.timeout(Duration.ofSeconds(120))
			.POST(HttpRequest.BodyPublishers.noBody())
			.build();
		HttpResponse<String> response = this.http.send(request, HttpResponse.BodyHandlers.ofString());
		if (response.statusCode() != 200) {
			throw new IllegalStateException("POST / returned HTTP " + response.statusCode() + ": " + response.body());
		}
		return response.body();
	}

	/** Sends a GET and returns its status code. */
	int get(String path) throws IOException, InterruptedException {
		HttpRequest request = HttpRequest.newBuilder(URI.create(this.baseUrl + path))
			.timeout(Duration.ofSeconds(60))
			.header("Accept", "text/html,application/json")
			.build();
		return this.http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
	}

	long elapsedMillis() {
		return TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - this.launchedNanos);
	}

	/** Returns the resident set size (VmRSS) of the process in KiB, read from /proc. */
	long residentKib() throws IOException {
		for (String line : Files.readAllLines(Path.of("/proc", Long.toString(this.process.pid()), "status"))) {
			if (line.startsWith("VmRSS:")) {
				return Long.parseLong(line.replaceAll("[^0-9]", ""));
			}
		}
		throw new IllegalStateException("No VmRSS line for process " + this.process.pid());
	}

	/** Returns the CPU time (user and system) the process has used so far, in ms. */
	long cpuMillis() {
		return this.process.toHandle().info().totalCpuDuration().map(Duration::toMillis).orElse(-1L);
	}

	/** Returns the seconds Spring reported in its "Started … in" line, or -1 when absent. */
	double startedSeconds() throws IOException {
		Matcher matcher = STARTED.matcher(Files.readString(this.log));
		return matcher.find() ? Double.parseDouble(matcher.group(1)) : -1;
	}

	Path log() {
		return this.log;
	}

	/**
	 * Stops the process with SIGTERM, as Kubernetes does, and waits for it to exit.
	 * @return the exit code
	 */
	int stop(Duration timeout) throws InterruptedException {
		this.process.destroy();
		if (!this.process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
			this.process.destroyForcibly();
			this.process.waitFor();
			throw new IllegalStateException("The monitor did not stop within " + timeout + "; see " + this.log);
		}
		return this.process.exitValue();
	}

	@Override
	public void close() {
		if (this.process.isAlive()) {
			this.process.destroyForcibly();
			this.process.onExit().join();
		}
	}

	private static int freePort() throws IOException {
		try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
			return socket.getLocalPort();
		}
	}

}
