package dev.usagemonitor.alert;

import dev.usagemonitor.support.MutableClock;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import dev.usagemonitor.collect.AccountRepository;
import dev.usagemonitor.collect.CollectionRunRepository;
import dev.usagemonitor.collect.CollectionStatus;
import dev.usagemonitor.collect.ObservationRepository;
import dev.usagemonitor.collect.Spend;
import dev.usagemonitor.collect.UsageWindow;
import dev.usagemonitor.collect.WindowKind;
import dev.usagemonitor.support.StoreTest;
import dev.usagemonitor.support.TestDatabase;

import org.junit.jupiter.api.BeforeEach;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Primary;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Shared set-up of the alert tests: one application context over a real store (see
 * {@link TestDatabase}), a mutable clock, and helpers that seed data through the real
 * repositories. Each test uses its own account names, so tests do not see each other's
 * rows.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.NONE, properties = { "monitor.zone=Europe/Paris",
		"monitor.cycle-interval=10m", "monitor.alerts.silences[0].name=holiday",
		"monitor.alerts.silences[0].account=silenced", "monitor.alerts.silences[0].ends-at=2026-12-01T12:00:00Z",
		"monitor.alerts.silences[0].comment=on holiday, not using this account",
		"monitor.alerts.silences[1].account=resets-muted", "monitor.alerts.silences[1].type=window_reset",
		"monitor.alerts.silences[1].ends-at=2027-01-01T00:00:00Z",
		"monitor.alerts.silences[1].comment=no reset notices for this account",
		"monitor.alerts.quiet-hours.start=02:00", "monitor.alerts.quiet-hours.end=03:00",
		"monitor.thresholds.kinds.weekly.warning-percent=60", "monitor.thresholds.accounts.strict.critical-percent=80",
		"monitor.thresholds.accounts.spender.spend-warning-amount=20",
		"monitor.thresholds.accounts.spender.spend-critical-amount=50",
		"monitor.thresholds.accounts.light.daily-tokens-warning=500" })
@Import(AlertTestSupport.ClockConfiguration.class)
@StoreTest
abstract class AlertTestSupport {

	/** Tuesday 09:00 in Europe/Paris. */
	static final Instant START = Instant.parse("2026-12-01T08:00:00Z");

	static final Path FOLDER = databaseFolder();

	private static final AtomicInteger NAMES = new AtomicInteger();

	@Autowired
	MutableClock clock;

	@Autowired
	AccountRepository accounts;

	@Autowired
	ObservationRepository observations;

	@Autowired
	CollectionRunRepository runs;

	@Autowired
	ThresholdEvaluation evaluation;

	@Autowired
	TransactionTemplate transactions;

	@Autowired
	JdbcClient jdbc;

	@BeforeEach
	void resetClock() {
		this.clock.set(START);
	}

	@DynamicPropertySource
	static void database(DynamicPropertyRegistry registry) {
		TestDatabase.register(registry, FOLDER);
	}

	/**
	 * Returns a name no other test uses, starting with a prefix the configured silences
	 * and overrides may match.
	 */
	static String uniqueName(String prefix) {
		return prefix + "-" + NAMES.incrementAndGet();
	}

	long account(String name) {
		return this.accounts.ensure(name, "claude-web");
	}

	/**
	 * Stores a successful run at the clock's instant with the given windows.
	 */
	void observe(long accountId, UsageWindow... windows) {
		observeAt(accountId, this.clock.instant(), windows);
	}

	void observeAt(long accountId, Instant observedAt, UsageWindow... windows) {
		long runId = this.runs.save(accountId, null, observedAt, observedAt, CollectionStatus.OK, "Read usage", 200);
		this.observations.saveAll(accountId, runId, observedAt, "claude-web", List.of(windows));
	}

	void run(long accountId, CollectionStatus status, String message) {
		Instant now = this.clock.instant();
		this.runs.save(accountId, null, now, now, status, message, null);
	}

	void tokens(long accountId, Instant at, long input, long output, long cacheWrite, long cacheRead) {
		this.jdbc.sql("""
				INSERT INTO token_usage (account_id, dedup_key, message_id, occurred_at, project, model, sidechain,
				    input_tokens, output_tokens, cache_creation_5m_tokens, cache_creation_1h_tokens, cache_read_tokens,
				    web_search_requests)
				VALUES (:account, :key, :key, :at, 'demo', 'claude-sonnet-4-5', 0, :input, :output, :write, 0, :read, 0)
				""")
			.param("account", accountId)
			.param("key", "msg-" + NAMES.incrementAndGet())
			.param("at", at.toEpochMilli())
			.param("input", input)
			.param("output", output)
			.param("write", cacheWrite)
			.param("read", cacheRead)
			.update();
	}

	List<AlertEvent> evaluate(String name) {
		return this.transactions.execute((status) -> this.evaluation.evaluate("cycle-test", List.of(name)));
	}

	void advance(Duration duration) {
		this.clock.advance(duration);
	}

	static UsageWindow session(Double utilization, Instant resetsAt) {
		return new UsageWindow("five_hour", WindowKind.SESSION, "Session (5 hours)", utilization, resetsAt, null);
	}

	static UsageWindow weekly(Double utilization, Instant resetsAt) {
		return new UsageWindow("seven_day", WindowKind.WEEKLY, "Weekly (all models)", utilization, resetsAt, null);
	}

	static UsageWindow spend(long usedMinor, Long capMinor, String currency) {
		Double utilization = (capMinor != null) ? 100.0 * usedMinor / capMinor : null;
		return new UsageWindow("extra_usage", WindowKind.SPEND, "Extra usage", utilization, null,
				new Spend(usedMinor, capMinor, currency, 2));
	}

	/**
	 * Returns events as {@code type:level:state} strings, in order.
	 */
	static List<String> summary(List<AlertEvent> events) {
		return events.stream().map((e) -> e.type().code() + ":" + e.level().code() + ":" + e.state().code()).toList();
	}

	private static Path databaseFolder() {
		try {
			Path folder = Files.createTempDirectory("alert-tests");
			folder.toFile().deleteOnExit();
			return folder;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	@TestConfiguration(proxyBeanMethods = false)
	static class ClockConfiguration {

		@Bean
		@Primary
		MutableClock testClock() {
			return new MutableClock(START);
		}

	}

}
