package dev.usagemonitor.collect;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import dev.usagemonitor.collect.AccountRepository.StoredAccount;
import dev.usagemonitor.collect.BackoffRepository.Backoff;
import dev.usagemonitor.collect.RawPayloadRepository.RawPayload;
import dev.usagemonitor.support.StubbedMonitorTests;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The read and write queries of the collection repositories that no cycle test reaches,
 * run against the store of this test run (SQLite or PostgreSQL). Each test uses an
 * account of its own.
 */
class StoreQueriesTests extends StubbedMonitorTests {

	@Autowired
	AccountRepository accounts;

	@Autowired
	CollectionRunRepository runs;

	@Autowired
	ObservationRepository observations;

	@Autowired
	RawPayloadRepository payloads;

	@Autowired
	BackoffRepository backoffs;

	@Autowired
	OAuthTokenRepository tokens;

	@Test
	void accountsAreListedByName() {
		String suffix = UUID.randomUUID().toString().substring(0, 8);
		long zeta = this.accounts.ensure("zeta-" + suffix, "push");
		long alpha = this.accounts.ensure("alpha-" + suffix, "oauth");
		assertThat(this.accounts.ensure("alpha-" + suffix, "claude-web")).isEqualTo(alpha);

		List<StoredAccount> listed = this.accounts.findAll()
			.stream()
			.filter((account) -> account.name().endsWith(suffix))
			.toList();

		assertThat(listed).containsExactly(new StoredAccount(alpha, "alpha-" + suffix, "claude-web"),
				new StoredAccount(zeta, "zeta-" + suffix, "push"));
	}

	@Test
	void recentRunsAreNewestFirstAndLimited() {
		long account = newAccount();
		for (int minute = 0; minute < 4; minute++) {
			CollectionStatus status = (minute == 3) ? CollectionStatus.SERVER_ERROR : CollectionStatus.OK;
			Instant at = START.plus(Duration.ofMinutes(minute));
			this.runs.save(account, "cycle-" + minute, at, at.plusSeconds(1), status, "run " + minute,
					(minute == 3) ? 503 : null);
		}

		List<CollectionRun> recent = this.runs.findRecent(account, 3);

		assertThat(recent).extracting(CollectionRun::message).containsExactly("run 3", "run 2", "run 1");
		assertThat(recent.get(0).httpStatus()).isEqualTo(503);
		assertThat(recent.get(1).httpStatus()).isNull();
		assertThat(this.runs.findLatestSuccess(account))
			.hasValueSatisfying((run) -> assertThat(run.startedAt()).isEqualTo(START.plus(Duration.ofMinutes(2))));
	}

	@Test
	void historyIsHalfOpenAndOldestFirst() {
		long account = newAccount();
		for (int minute = 0; minute < 3; minute++) {
			Instant at = START.plus(Duration.ofMinutes(minute));
			this.observations.saveAll(account, null, at, "push", List.of(weekly(10.0 * (minute + 1))));
		}

		List<Observation> history = this.observations.findHistory(account, "seven_day", START.plusSeconds(1),
				START.plus(Duration.ofMinutes(2)));

		assertThat(history).extracting((observation) -> observation.window().utilization()).containsExactly(20.0);
		assertThat(this.observations.findLatest(account)).singleElement()
			.satisfies((latest) -> assertThat(latest.window().utilization()).isEqualTo(30.0));
	}

	@Test
	void olderObservationDoesNotReplaceLatest() {
		long account = newAccount();
		this.observations.saveAll(account, null, START.plusSeconds(60), "push", List.of(weekly(50.0)));
		this.observations.saveAll(account, null, START, "push", List.of(weekly(40.0)));

		assertThat(this.observations.findLatest(account)).singleElement()
			.satisfies((latest) -> assertThat(latest.window().utilization()).isEqualTo(50.0));
	}

	@Test
	void rawPayloadsAreReadBackPerRun() {
		long account = newAccount();
		long run = this.runs.save(account, null, START, START, CollectionStatus.OK, "ok", 200);
		RawPayload first = new RawPayload(START, "GET https://claude.ai/api/organizations", 200, "application/json",
				"[]");
		RawPayload second = new RawPayload(START.plusMillis(5), "GET https://claude.ai/api/x/usage", 429, null, "");
		this.payloads.save(account, run, first);
		this.payloads.save(account, run, second);

		assertThat(this.payloads.findByRun(run)).containsExactly(first, second);
	}

	@Test
	void backoffIsReplacedAndCleared() {
		long account = newAccount();
		this.backoffs.save(account, new Backoff(1, START.plus(Duration.ofMinutes(15))));
		this.backoffs.save(account, new Backoff(2, START.plus(Duration.ofMinutes(30))));

		assertThat(this.backoffs.find(account)).contains(new Backoff(2, START.plus(Duration.ofMinutes(30))));
		this.backoffs.clear(account);
		assertThat(this.backoffs.find(account)).isEmpty();
	}

	@Test
	void tokenPairIsReplacedWithFingerprint() {
		long account = newAccount();
		this.tokens.save(account, new OAuthTokens("access-1", "refresh-1", null), "fingerprint-1");
		this.tokens.save(account, new OAuthTokens("access-2", "refresh-2", START), "fingerprint-2");

		assertThat(this.tokens.find(account)).hasValueSatisfying((stored) -> {
			assertThat(stored.tokens()).isEqualTo(new OAuthTokens("access-2", "refresh-2", START));
			assertThat(stored.configuredFingerprint()).isEqualTo("fingerprint-2");
		});
	}

	private long newAccount() {
		return this.accounts.ensure("store-" + UUID.randomUUID().toString().substring(0, 8), "push");
	}

	private static UsageWindow weekly(double utilization) {
		return new UsageWindow("seven_day", WindowKind.WEEKLY, "Weekly (all models)", utilization,
				START.plus(Duration.ofDays(3)), null);
	}

}
