import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * The AOT cache training run: starts the monitor with the production flags, except that
 * {@code -XX:AOTCache=FILE} becomes {@code -XX:AOTCacheOutput=FILE}, drives the work of a
 * real cold start against the stub, stops it with SIGTERM and checks that the JVM wrote the
 * cache on exit.
 * <p>
 * The work: two cycles over an oauth and a claude-web account with a low warning threshold,
 * so that alerts fire and a webhook is delivered; {@code GET /scrapeUsage} through the
 * function router; and the dashboard pages where this build has them.
 */
final class Training {

	/** Pages a dashboard build serves; a 404 or 405 here only means the build has none. */
	private static final List<String> DASHBOARD_PATHS = List.of("/", "/queryUsage");

	private Training() {
	}

	static void run(String java, List<String> productionFlags, Path appDir, Path fixtures, Path workDir)
			throws Exception {
		Path cache = cacheFile(productionFlags);
		Files.deleteIfExists(cache);
		// A database left by an earlier training run already contains the alerts, so its cycles
		// would send no webhook.
		for (String file : List.of("usage.db", "usage.db-wal", "usage.db-shm")) {
			Files.deleteIfExists(workDir.resolve(file));
		}
		List<String> command = new ArrayList<>();
		command.add(java);
		productionFlags.stream().map(Training::recordingFlag).forEach(command::add);
		command.add("-jar");
		command.add(appDir.resolve("application.jar").toString());
		try (UsageStub stub = UsageStub.start(fixtures);
				AppProcess app = AppProcess.launch(command, arguments(stub), workDir)) {
			app.awaitReady(Duration.ofMinutes(3));
			exercise(app);
			requireWebhook(stub, app);
			int exit = app.stop(Duration.ofMinutes(3));
			System.out.printf("Training run stopped with exit code %d after %d ms%n", exit, app.elapsedMillis());
		}
		if (!Files.isRegularFile(cache) || Files.size(cache) == 0) {
			throw new IllegalStateException("The training run wrote no AOT cache at " + cache);
		}
		System.out.printf("AOT cache %s: %.1f MiB%n", cache, Files.size(cache) / 1048576.0);
	}

	private static void exercise(AppProcess app) throws Exception {
		for (int cycle = 1; cycle <= 2; cycle++) {
			String summary = app.runCycle();
			if (countOk(summary) != 2) {
				throw new IllegalStateException("Training cycle " + cycle + " did not collect both accounts: " + summary);
			}
		}
		System.out.printf("GET /scrapeUsage: HTTP %d%n", app.get("/scrapeUsage"));
		for (String path : DASHBOARD_PATHS) {
			System.out.printf("GET %s: HTTP %d%n", path, app.get(path));
		}
	}

	private static void requireWebhook(UsageStub stub, AppProcess app) {
		if (stub.webhooksReceived() == 0) {
			throw new IllegalStateException("The training cycles delivered no webhook; see " + app.log());
		}
	}

	private static int countOk(String summary) {
		return summary.split("\"status\":\"ok\"", -1).length - 1;
	}

	private static List<String> arguments(UsageStub stub) {
		return List.of("--monitor.oauth.base-url=" + stub.baseUrl(), "--monitor.claude-web.base-url=" + stub.baseUrl(),
				"--monitor.accounts[0].name=training-oauth", "--monitor.accounts[0].source=oauth",
				"--monitor.accounts[0].access-token=sk-ant-oat01-training",
				"--monitor.accounts[0].refresh-token=sk-ant-ort01-training", "--monitor.accounts[1].name=training-web",
				"--monitor.accounts[1].source=claude-web", "--monitor.accounts[1].session-key=sk-ant-sid01-training",
				"--monitor.channels[0].name=training", "--monitor.channels[0].type=webhook",
				"--monitor.channels[0].url=" + stub.baseUrl() + "/hooks/training",
				"--monitor.thresholds.warning-percent=20", "--monitor.thresholds.critical-percent=50");
	}

	private static String recordingFlag(String flag) {
		return flag.startsWith("-XX:AOTCache=") ? flag.replace("-XX:AOTCache=", "-XX:AOTCacheOutput=") : flag;
	}

	private static Path cacheFile(List<String> flags) {
		return flags.stream()
			.filter((flag) -> flag.startsWith("-XX:AOTCache="))
			.map((flag) -> Path.of(flag.substring("-XX:AOTCache=".length())))
			.findFirst()
			.orElseThrow(() -> new IllegalArgumentException(
					"The production flags name no -XX:AOTCache=FILE, so there is no cache to train: " + flags));
	}

}
