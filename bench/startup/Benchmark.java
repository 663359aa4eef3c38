import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Cold starts of several launch variants, interleaved round by round so that a change in
 * machine load hits every variant alike. Each run starts from a copy of the same migrated
 * database, as a scaled-to-zero pod does with its volume, reaches readiness, runs one cycle
 * for one oauth account against the stub and is then stopped.
 */
final class Benchmark {

	private static final Duration START_TIMEOUT = Duration.ofMinutes(3);

	private final List<Variant> variants;

	private final Path fixtures;

	private final Path workDir;

	private final Map<Variant, List<Sample>> samples = new LinkedHashMap<>();

	Benchmark(List<Variant> variants, Path fixtures, Path workDir) {
		this.variants = variants;
		this.fixtures = fixtures;
		this.workDir = workDir;
		variants.forEach((variant) -> this.samples.put(variant, new ArrayList<>()));
	}

	/** A named launch command: the java executable, its flags and {@code -jar <jar>}. */
	record Variant(String name, List<String> command) {

		/** Parses {@code name=command words}, split at white space. */
		static Variant parse(String definition) {
			int split = definition.indexOf('=');
			if (split < 1) {
				throw new IllegalArgumentException("Invalid variant '" + definition + "': use NAME=JAVA FLAGS -jar JAR");
			}
			return new Variant(definition.substring(0, split).strip(),
					List.of(definition.substring(split + 1).strip().split("\\s+")));
		}

	}

	/** Measurements of one run; times in ms since launch, memory in KiB. */
	record Sample(long readyMillis, long cycleMillis, long residentKib, long cpuMillis, double startedSeconds) {
	}

	Map<Variant, List<Sample>> run(int rounds) throws Exception {
		try (UsageStub stub = UsageStub.start(this.fixtures)) {
			Path template = migratedDatabase(stub);
			for (int round = 1; round <= rounds; round++) {
				List<Variant> order = new ArrayList<>(this.variants);
				if (round % 2 == 0) {
					order = order.reversed();
				}
				for (Variant variant : order) {
					Sample sample = measure(variant, stub, template, "round-" + round);
					this.samples.get(variant).add(sample);
					System.out.printf("round %d  %-28s ready %5d ms  cycle %5d ms  RSS %4d MiB  CPU %5d ms%n", round,
							variant.name(), sample.readyMillis(), sample.cycleMillis(), sample.residentKib() / 1024,
							sample.cpuMillis());
				}
			}
		}
		return this.samples;
	}

	/**
	 * Runs the first variant once on an empty database, so that Flyway creates the schema,
	 * and keeps that database as the starting point of every measured run. The same run
	 * warms the page cache for the jar files.
	 */
	private Path migratedDatabase(UsageStub stub) throws Exception {
		Path template = this.workDir.resolve("template.db");
		Sample first = measure(this.variants.get(0), stub, null, "template");
		System.out.printf("first start on an empty database (%s): cycle %d ms%n", this.variants.get(0).name(),
				first.cycleMillis());
		Files.copy(this.workDir.resolve("template-run").resolve("usage.db"), template,
				StandardCopyOption.REPLACE_EXISTING);
		for (Variant variant : this.variants.subList(1, this.variants.size())) {
			measure(variant, stub, template, "warm-up");
		}
		return template;
	}

	private Sample measure(Variant variant, UsageStub stub, Path template, String label) throws Exception {
		Path runDir = this.workDir.resolve(label.equals("template") ? "template-run"
				: label + "-" + variant.name().replaceAll("[^A-Za-z0-9]+", "-"));
		deleteRecursively(runDir);
		Files.createDirectories(runDir);
		if (template != null) {
			Files.copy(template, runDir.resolve("usage.db"));
		}
		try (AppProcess app = AppProcess.launch(variant.command(), arguments(stub), runDir)) {
			long ready = app.awaitReady(START_TIMEOUT);
			String summary = app.runCycle();
			long cycle = app.elapsedMillis();
			if (!summary.contains("\"status\":\"ok\"")) {
				throw new IllegalStateException(variant.name() + ": the cycle did not collect the account: " + summary);
			}
			Sample sample = new Sample(ready, cycle, app.residentKib(), app.cpuMillis(), app.startedSeconds());
			app.stop(Duration.ofSeconds(60));
			requireUsableAotCache(variant, app.log());
			return sample;
		}
	}

	/**
	 * Fails the run when the JVM logged an error or warning about the AOT cache: it then
	 * starts without the cache, and the figures would not describe the tuned launch.
	 */
	private static void requireUsableAotCache(Variant variant, Path log) throws IOException {
		List<String> problems = Files.readAllLines(log)
			.stream()
			.filter((line) -> line.matches("\\[[^]]*\\]\\[(error|warning)\\s*\\]\\[aot.*"))
			.toList();
		if (!problems.isEmpty()) {
			throw new IllegalStateException(variant.name() + " could not use its AOT cache: " + problems);
		}
	}

	private static List<String> arguments(UsageStub stub) {
		return List.of("--monitor.oauth.base-url=" + stub.baseUrl(), "--monitor.accounts[0].name=bench",
				"--monitor.accounts[0].source=oauth", "--monitor.accounts[0].access-token=sk-ant-oat01-bench",
				"--monitor.accounts[0].refresh-token=sk-ant-ort01-bench");
	}

	private static void deleteRecursively(Path dir) throws IOException {
		if (!Files.exists(dir)) {
			return;
		}
		try (var paths = Files.walk(dir)) {
			for (Path path : paths.sorted((a, b) -> b.compareTo(a)).toList()) {
				Files.delete(path);
			}
		}
	}

}
