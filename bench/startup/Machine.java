import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The facts about the host that a start-up figure depends on, read from /proc.
 */
final class Machine {

	private Machine() {
	}

	/** Returns the 1, 5 and 15 minute load averages, such as {@code 0.52 0.61 0.70}. */
	static String load() throws IOException {
		String[] fields = Files.readString(Path.of("/proc/loadavg")).split("\\s+");
		return fields[0] + " " + fields[1] + " " + fields[2];
	}

	static String describe(String loadBefore) throws IOException {
		return String.format("Machine: %d CPUs (%s), %s MiB RAM; load average (1, 5, 15 min) %s before, %s after.",
				Runtime.getRuntime().availableProcessors(), cpuModel(), memoryMib(), loadBefore, load());
	}

	private static String cpuModel() throws IOException {
		return Files.readAllLines(Path.of("/proc/cpuinfo"))
			.stream()
			.filter((line) -> line.startsWith("model name"))
			.map((line) -> line.substring(line.indexOf(':') + 1).strip())
			.findFirst()
			.orElse("unknown CPU");
	}

	private static long memoryMib() throws IOException {
		return Files.readAllLines(Path.of("/proc/meminfo"))
			.stream()
			.filter((line) -> line.startsWith("MemTotal:"))
			.mapToLong((line) -> Long.parseLong(line.replaceAll("[^0-9]", "")) / 1024)
			.findFirst()
			.orElse(-1);
	}

}
