import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Command line of the cold-start tools. Run it with {@code java ColdStart.java} (JDK 22 or
 * newer finds the other classes of this folder) or compiled with {@code javac}.
 *
 * <pre>
 * image-flags DOCKERFILE APP_DIR     print the image's JAVA_TOOL_OPTIONS with /app/ moved to APP_DIR
 * train --java JAVA --app-dir DIR --flags "FLAGS" --fixtures DIR --work DIR
 * measure --rounds N --fixtures DIR --work DIR --report FILE --variant "NAME=COMMAND" ...
 * </pre>
 */
public final class ColdStart {

	private static final Pattern TOOL_OPTIONS = Pattern.compile("JAVA_TOOL_OPTIONS=\"([^\"]*)\"");

	private ColdStart() {
	}

	public static void main(String[] args) throws Exception {
		if (args.length == 0) {
			throw new IllegalArgumentException("Missing command: use image-flags, train or measure");
		}
		switch (args[0]) {
			case "image-flags" -> System.out.println(imageFlags(Path.of(args[1]), Path.of(args[2])));
			case "train" -> train(options(args));
			case "measure" -> measure(options(args));
			default -> throw new IllegalArgumentException(
					"Unknown command '" + args[0] + "': use image-flags, train or measure");
		}
	}

	/**
	 * Returns the {@code JAVA_TOOL_OPTIONS} value that the Dockerfile's {@code ENV} sets,
	 * with every {@code /app/} path moved under {@code appDir}, so that a host run uses the
	 * image's flags.
	 */
	static String imageFlags(Path dockerfile, Path appDir) throws IOException {
		String instructions = Files.readString(dockerfile).replaceAll("\\\\\\n\\s*", " ");
		Matcher matcher = TOOL_OPTIONS.matcher(instructions);
		if (!matcher.find()) {
			throw new IllegalStateException(dockerfile + " sets no JAVA_TOOL_OPTIONS=\"...\"");
		}
		String prefix = appDir.toAbsolutePath().normalize() + "/";
		return matcher.group(1).strip().replaceAll("\\s+", " ").replace("/app/", prefix);
	}

	private static void train(Map<String, List<String>> options) throws Exception {
		List<String> flags = List.of(single(options, "flags").strip().split("\\s+"));
		Training.run(single(options, "java"), flags, path(options, "app-dir"), path(options, "fixtures"),
				path(options, "work"));
	}

	private static void measure(Map<String, List<String>> options) throws Exception {
		List<Benchmark.Variant> variants = options.getOrDefault("variant", List.of())
			.stream()
			.map(Benchmark.Variant::parse)
			.toList();
		if (variants.size() < 2) {
			throw new IllegalArgumentException("measure needs at least two --variant NAME=COMMAND options");
		}
		String loadBefore = Machine.load();
		var results = new Benchmark(variants, path(options, "fixtures"), path(options, "work"))
			.run(Integer.parseInt(single(options, "rounds")));
		String markdown = Report.markdown(results, Machine.describe(loadBefore));
		Report.write(Path.of(single(options, "report")), markdown);
		System.out.println();
		System.out.println(markdown);
	}

	private static Map<String, List<String>> options(String[] args) {
		Map<String, List<String>> options = new HashMap<>();
		for (int i = 1; i < args.length; i += 2) {
			if (!args[i].startsWith("--") || i + 1 >= args.length) {
				throw new IllegalArgumentException("Expected --name value at '" + args[i] + "'");
			}
			options.computeIfAbsent(args[i].substring(2), (key) -> new ArrayList<>()).add(args[i + 1]);
		}
		return options;
	}

	/**
	 * Returns an option as an absolute path, because the monitor runs in its own working
	 * directory.
	 */
	private static Path path(Map<String, List<String>> options, String name) {
		return Path.of(single(options, name)).toAbsolutePath().normalize();
	}

	private static String single(Map<String, List<String>> options, String name) {
		List<String> values = options.get(name);
		if (values == null || values.size() != 1) {
			throw new IllegalArgumentException("Give --" + name + " exactly once");
		}
		return values.get(0);
	}

}
