import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.function.ToDoubleFunction;

/**
 * The results of a {@link Benchmark} as a Markdown table: the median of each measure with
 * its range, and the ratio of the first variant to each other one.
 */
final class Report {

	private Report() {
	}

	static String markdown(Map<Benchmark.Variant, List<Benchmark.Sample>> results, String machine) {
		StringBuilder text = new StringBuilder(machine).append("\n\n");
		text.append("| Variant | Runs | First answer (readiness) | Completed cycle | RSS after the cycle "
				+ "| CPU time to the cycle | Spring \"Started in\" |\n");
		text.append("|---|---|---|---|---|---|---|\n");
		results.forEach((variant, samples) -> text.append("| ")
			.append(variant.name())
			.append(" | ")
			.append(samples.size())
			.append(" | ")
			.append(cell(samples, Benchmark.Sample::readyMillis, "%.0f ms", 1))
			.append(" | ")
			.append(cell(samples, Benchmark.Sample::cycleMillis, "%.0f ms", 1))
			.append(" | ")
			.append(cell(samples, Benchmark.Sample::residentKib, "%.0f MiB", 1024))
			.append(" | ")
			.append(cell(samples, Benchmark.Sample::cpuMillis, "%.0f ms", 1))
			.append(" | ")
			.append(cell(samples, Benchmark.Sample::startedSeconds, "%.2f s", 1))
			.append(" |\n"));
		text.append("\nMedian (minimum–maximum). ").append(ratios(results)).append('\n');
		return text.toString();
	}

	static void write(Path file, String markdown) throws IOException {
		Files.createDirectories(file.toAbsolutePath().getParent());
		Files.writeString(file, markdown);
	}

	private static String ratios(Map<Benchmark.Variant, List<Benchmark.Sample>> results) {
		List<Map.Entry<Benchmark.Variant, List<Benchmark.Sample>>> entries = List.copyOf(results.entrySet());
		StringBuilder text = new StringBuilder();
		List<Benchmark.Sample> base = entries.get(0).getValue();
		for (var entry : entries.subList(1, entries.size())) {
			text.append(String.format("%s vs %s: first answer %.1f×, completed cycle %.1f×, RSS %.2f×, CPU %.1f×. ",
					entries.get(0).getKey().name(), entry.getKey().name(),
					ratio(base, entry.getValue(), Benchmark.Sample::readyMillis),
					ratio(base, entry.getValue(), Benchmark.Sample::cycleMillis),
					ratio(base, entry.getValue(), Benchmark.Sample::residentKib),
					ratio(base, entry.getValue(), Benchmark.Sample::cpuMillis)));
		}
		return text.toString().strip();
	}

	private static double ratio(List<Benchmark.Sample> base, List<Benchmark.Sample> other,
			ToDoubleFunction<Benchmark.Sample> measure) {
		return median(base, measure) / median(other, measure);
	}

	private static String cell(List<Benchmark.Sample> samples, ToDoubleFunction<Benchmark.Sample> measure,
			String format, double divisor) {
		List<Double> values = samples.stream()
			.map((sample) -> measure.applyAsDouble(sample) / divisor)
			.sorted(Comparator.naturalOrder())
			.toList();
		return String.format(format + " (" + format + "–" + format + ")", median(values), values.get(0),
				values.get(values.size() - 1)).replace(" ms–", "–").replace(" MiB–", "–").replace(" s–", "–");
	}

	private static double median(List<Benchmark.Sample> samples, ToDoubleFunction<Benchmark.Sample> measure) {
		return median(samples.stream().map(measure::applyAsDouble).sorted().toList());
	}

	private static double median(List<Double> sorted) {
		int middle = sorted.size() / 2;
		return (sorted.size() % 2 == 1) ? sorted.get(middle) : (sorted.get(middle - 1) + sorted.get(middle)) / 2;
	}

}
