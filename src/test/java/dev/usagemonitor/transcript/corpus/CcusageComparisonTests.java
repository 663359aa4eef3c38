package dev.usagemonitor.transcript.corpus;

import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import dev.usagemonitor.collect.AccountRepository;
import dev.usagemonitor.transcript.importer.ImportProgress;
import dev.usagemonitor.transcript.importer.TranscriptImporter;
import dev.usagemonitor.transcript.pricing.PriceTable;
import dev.usagemonitor.transcript.pricing.TokenCounts;
import dev.usagemonitor.transcript.report.DailyTokens;
import dev.usagemonitor.transcript.report.TokenReport;
import dev.usagemonitor.transcript.report.TokenReportService;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.offset;

/**
 * Compares the daily totals per model with ccusage 20.0.24 on a generated corpus. The two
 * differ on purpose in three places, and the test applies exactly those differences per
 * day and model before comparing:
 * <ul>
 * <li>ccusage drops every line with {@code "costUSD":null} (its text pre-filter), we
 * count them;</li>
 * <li>ccusage counts every line of a response without {@code requestId}, we count the
 * response once with its largest line;</li>
 * <li>ccusage costs a model missing from its prices at $0, we report its tokens as
 * unpriced and leave the cost empty.</li>
 * </ul>
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.NONE,
		properties = { "monitor.zone=Europe/Berlin", "monitor.accounts[0].name=cmp", "monitor.accounts[0].source=push",
				"monitor.accounts[0].push-token=push-token-of-cmp" })
class CcusageComparisonTests {

	static final String ZONE = "Europe/Berlin";

	static final long CORPUS_BYTES = 4_000_000;

	@TempDir
	static Path folder;

	static CorpusLedger ledger;

	@Autowired
	TranscriptImporter importer;

	@Autowired
	TokenReportService reports;

	@Autowired
	AccountRepository accounts;

	@Autowired
	PriceTable prices;

	@DynamicPropertySource
	static void database(DynamicPropertyRegistry registry) {
		registry.add("spring.datasource.url", () -> "jdbc:sqlite:" + folder.resolve("usage.db"));
	}

	@BeforeAll
	static void generate() throws Exception {
		ledger = new CorpusGenerator(CorpusGenerator.DEFAULT_SEED, false).generate(folder.resolve("claude"),
				CORPUS_BYTES);
	}

	@Test
	void corpusHasEveryResponseVariant() {
		List<CorpusLedger.Response> responses = ledger.responses();
		assertThat(responses).as("fast mode").anyMatch(CorpusLedger.Response::fast);
		assertThat(responses).as("above the 200k tier").anyMatch((response) -> response.cacheRead() > 200_000);
		assertThat(responses).as("1-hour cache writes").anyMatch((response) -> response.cacheWrite1h() > 0);
		assertThat(responses).as("numeric costUSD").anyMatch((response) -> response.costUsd() != null);
		assertThat(responses).as("nested null model")
			.anyMatch((response) -> response.model().equals("claude-fable-5-1"));
		assertThat(responses).as("unpriced model").anyMatch((response) -> response.model().equals("acme-coder-1"));
	}

	@Test
	void totalsMatchGeneratedResponses() {
		Map<String, DailySums> ours = ours();
		Map<String, DailySums> expected = new TreeMap<>();
		ledger.responses().forEach((response) -> sums(expected, response).add(response, 1, null));
		assertThat(ours.keySet()).isEqualTo(expected.keySet());
		expected.forEach((key, sums) -> assertThat(ours.get(key).tokens()).as(key).isEqualTo(sums.tokens()));
	}

	@Test
	void dailyTotalsMatchCcusageApartFromStatedDifferences() throws Exception {
		Ccusage ccusage = new Ccusage(Path.of("target/ccusage-" + Ccusage.VERSION).toAbsolutePath());
		String reason = ccusage.unavailableReason();
		Assumptions.assumeTrue(reason == null, () -> "Skipped the ccusage comparison: " + reason);
		Map<String, DailySums> theirs = parse(ccusage.daily(folder.resolve("claude"), folder.resolve("home"), ZONE));
		Map<String, DailySums> expected = ours();
		expected.values().forEach(DailySums::unpricedCostsZero);
		ledger.droppedByCcusage().forEach((line) -> sums(expected, line).add(line, -1, this.prices));
		ledger.addedByCcusage().forEach((line) -> sums(expected, line).add(line, 1, this.prices));
		expected.values().removeIf(DailySums::isEmpty);
		assertThat(ledger.droppedByCcusage()).as("corpus has costUSD null lines").isNotEmpty();
		assertThat(ledger.addedByCcusage()).as("corpus has responses without requestId").isNotEmpty();
		assertThat(expected).as("days times models in the corpus").hasSizeGreaterThan(30);
		assertThat(theirs.keySet()).isEqualTo(expected.keySet());
		expected.forEach((key, sums) -> {
			assertThat(theirs.get(key).tokens()).as(key).isEqualTo(sums.tokens());
			assertThat(theirs.get(key).cost).as(key).isCloseTo(sums.cost, offset(1e-6));
		});
	}

	private Map<String, DailySums> ours() {
		long accountId = this.accounts.ensure("cmp", "push");
		this.importer.importFolders(accountId, List.of(folder.resolve("claude/projects")), 2, ImportProgress.NONE);
		TokenReport report = this.reports.report("cmp", LocalDate.parse("2026-08-31"), LocalDate.parse("2026-10-05"));
		Map<String, DailySums> ours = new TreeMap<>();
		for (DailyTokens row : report.daily()) {
			DailySums sums = ours.computeIfAbsent(row.date() + " " + row.model(), (key) -> new DailySums());
			sums.input += row.inputTokens();
			sums.output += row.outputTokens();
			sums.cacheCreation += row.cacheCreationTokens();
			sums.cacheRead += row.cacheReadTokens();
			sums.cost += (row.costUsd() != null) ? row.costUsd() : 0;
			sums.unpriced |= row.costUsd() == null;
		}
		return ours;
	}

	private static Map<String, DailySums> parse(String json) {
		Map<String, DailySums> theirs = new TreeMap<>();
		JsonNode root = JsonMapper.builder().build().readTree(json);
		for (JsonNode day : root.path("daily")) {
			for (JsonNode model : day.path("modelBreakdowns")) {
				String name = model.path("modelName").asString().replaceAll("-fast$", "");
				DailySums sums = theirs.computeIfAbsent(day.path("date").asString() + " " + name,
						(key) -> new DailySums());
				sums.input += model.path("inputTokens").asLong();
				sums.output += model.path("outputTokens").asLong();
				sums.cacheCreation += model.path("cacheCreationTokens").asLong();
				sums.cacheRead += model.path("cacheReadTokens").asLong();
				sums.cost += model.path("cost").asDouble();
			}
		}
		return theirs;
	}

	private static DailySums sums(Map<String, DailySums> map, CorpusLedger.Response response) {
		LocalDate date = response.at().atZone(ZoneId.of(ZONE)).toLocalDate();
		return map.computeIfAbsent(date + " " + response.model(), (key) -> new DailySums());
	}

	/**
	 * Token and cost sums of one day and model.
	 */
	static final class DailySums {

		long input;

		long output;

		long cacheCreation;

		long cacheRead;

		double cost;

		boolean unpriced;

		void add(CorpusLedger.Response line, int sign, PriceTable prices) {
			this.input += sign * line.input();
			this.output += sign * line.output();
			this.cacheCreation += sign * (line.cacheWrite5m() + line.cacheWrite1h());
			this.cacheRead += sign * line.cacheRead();
			if (prices != null) {
				TokenCounts tokens = new TokenCounts(line.input(), line.output(), line.cacheWrite5m(),
						line.cacheWrite1h(), line.cacheRead());
				this.cost += sign
						* prices.find(line.model()).map((price) -> price.cost(tokens, line.fast())).orElse(0d);
			}
		}

		void unpricedCostsZero() {
			if (this.unpriced) {
				this.cost = 0;
			}
		}

		boolean isEmpty() {
			return this.input == 0 && this.output == 0 && this.cacheCreation == 0 && this.cacheRead == 0;
		}

		List<Long> tokens() {
			return List.of(this.input, this.output, this.cacheCreation, this.cacheRead);
		}

	}

}
