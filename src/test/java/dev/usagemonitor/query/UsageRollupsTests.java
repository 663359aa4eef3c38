package dev.usagemonitor.query;

import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.usagemonitor.collect.AccountRepository;
import dev.usagemonitor.collect.CollectionRunRepository;
import dev.usagemonitor.collect.ObservationRepository;
import dev.usagemonitor.collect.WindowKind;
import dev.usagemonitor.support.StoreTest;
import dev.usagemonitor.support.TestDatabase;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.NONE)
@StoreTest
class UsageRollupsTests {

	private static final Instant HOUR = Instant.parse("2026-03-10T14:00:00Z");

	@TempDir
	static Path folder;

	@Autowired
	UsageRollups rollups;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	AccountRepository accounts;

	@Autowired
	ObservationRepository observations;

	@Autowired
	CollectionRunRepository runs;

	@DynamicPropertySource
	static void database(DynamicPropertyRegistry registry) {
		TestDatabase.register(registry, folder);
	}

	@Test
	void foldsObservationsIncrementally() {
		UsageSeeder seed = new UsageSeeder(this.jdbc, this.accounts, this.observations, this.runs);
		long account = seed.account("incremental", "claude-web");
		observe(seed, account, 10, 10.0);
		observe(seed, account, 20, 30.0);
		observe(seed, account, 30, 20.0);
		assertThat(this.rollups.refresh()).isTrue();
		assertThat(hourly(account)).containsEntry("min", 10.0)
			.containsEntry("max", 30.0)
			.containsEntry("last", 20.0)
			.containsEntry("samples", 3);
		observe(seed, account, 40, 5.0);
		assertThat(this.rollups.refresh()).isTrue();
		assertThat(hourly(account)).containsEntry("min", 5.0)
			.containsEntry("max", 30.0)
			.containsEntry("last", 5.0)
			.containsEntry("samples", 4);
		assertThat(this.rollups.refresh()).isFalse();
	}

	@Test
	void lateObservationDoesNotReplaceLast() {
		UsageSeeder seed = new UsageSeeder(this.jdbc, this.accounts, this.observations, this.runs);
		long account = seed.account("late", "claude-web");
		observe(seed, account, 50, 40.0);
		this.rollups.refresh();
		observe(seed, account, 5, 60.0);
		this.rollups.refresh();
		assertThat(hourly(account)).containsEntry("last", 40.0).containsEntry("max", 60.0).containsEntry("samples", 2);
	}

	@Test
	void unknownValuesAreNotCounted() {
		UsageSeeder seed = new UsageSeeder(this.jdbc, this.accounts, this.observations, this.runs);
		long account = seed.account("unknown", "claude-web");
		observe(seed, account, 10, null);
		this.rollups.refresh();
		Map<String, Object> onlyUnknown = hourly(account);
		assertThat(onlyUnknown.get("min")).isNull();
		assertThat(onlyUnknown.get("last")).isNull();
		assertThat(onlyUnknown).containsEntry("samples", 0);
		observe(seed, account, 20, 15.0);
		this.rollups.refresh();
		assertThat(hourly(account)).containsEntry("min", 15.0).containsEntry("last", 15.0).containsEntry("samples", 1);
	}

	@Test
	void dailyRowsCoverTheDay() {
		UsageSeeder seed = new UsageSeeder(this.jdbc, this.accounts, this.observations, this.runs);
		long account = seed.account("daily", "claude-web");
		observe(seed, account, -600, 70.0);
		observe(seed, account, 10, 20.0);
		this.rollups.refresh();
		Map<String, Object> day = this.jdbc.sql("""
				SELECT MIN(min_utilization) AS min, MAX(max_utilization) AS max,
				    CAST(SUM(samples) AS INTEGER) AS samples
				FROM window_rollups WHERE account_id = :account AND grain_ms = 86400000
				""").param("account", account).query().singleRow();
		assertThat(day).containsEntry("min", 20.0).containsEntry("max", 70.0).containsEntry("samples", 2);
	}

	private void observe(UsageSeeder seed, long account, int minutes, Double utilization) {
		seed.observe(account, null, HOUR.plusSeconds(minutes * 60L),
				UsageScenario.window("five_hour", WindowKind.SESSION, "Session", utilization, HOUR.plusSeconds(7200)));
	}

	private Map<String, Object> hourly(long account) {
		return this.jdbc.sql("""
				SELECT min_utilization AS min, max_utilization AS max, last_utilization AS last, samples
				FROM window_rollups WHERE account_id = :account AND grain_ms = 3600000 AND bucket_start = :hour
				""").param("account", account).param("hour", HOUR.toEpochMilli()).query().singleRow();
	}

}
