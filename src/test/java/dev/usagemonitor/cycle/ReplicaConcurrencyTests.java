package dev.usagemonitor.cycle;

import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.usagemonitor.support.StoreTest;
import dev.usagemonitor.support.StubServer;
import dev.usagemonitor.support.StubServer.RecordedRequest;
import dev.usagemonitor.support.StubServer.StubResponse;
import dev.usagemonitor.support.StubbedMonitorTests;
import dev.usagemonitor.support.TestDatabase;

import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two instances of the application share one PostgreSQL store and run cycles at the same
 * time, as two replicas of a deployment do. Collection is slow enough that unguarded
 * cycles would overlap. The token endpoint accepts the configured refresh token once and
 * rejects it afterwards, as a rotating endpoint does.
 */
@StoreTest
class ReplicaConcurrencyTests {

	static final String PING_SOURCE = "/apis/v1/namespaces/claude-usage/pingsources/claude-usage-monitor-cron";

	static final List<String> ACCOUNTS = List.of("expired", "valid");

	static final List<String> TABLES = List.of("notification_outbox", "notification_channels", "alert_events", "alerts",
			"window_latest", "window_observations", "raw_payloads", "collection_runs", "oauth_tokens",
			"account_backoff", "cycle_deliveries");

	@TempDir
	static Path folder;

	static final StubServer stub = StubServer.start();

	static final List<Replica> replicas = new ArrayList<>();

	/** Number of requests the stub had received when the current test started. */
	int firstRequest;

	@BeforeAll
	static void startReplicas() {
		Assumptions.assumeTrue(TestDatabase.postgres(), "Several processes share only a PostgreSQL store");
		List<String> properties = properties();
		replicas.add(Replica.start(properties));
		replicas.add(Replica.start(properties));
	}

	@AfterAll
	static void stopReplicas() {
		replicas.forEach(Replica::close);
		stub.close();
	}

	/**
	 * Empties every table but {@code accounts} and queues fresh stub responses, so that
	 * each test starts with the configured, expired token.
	 */
	@BeforeEach
	void resetStoreAndStub() {
		TABLES.forEach((table) -> jdbc().sql("DELETE FROM " + table).update());
		Instant resetsAt = Clock.systemUTC().instant().plus(Duration.ofHours(3));
		stub.on(StubbedMonitorTests.OAUTH_USAGE_PATH,
				StubResponse.json(200, usage(95.0, resetsAt)).delayed(Duration.ofMillis(150)));
		stub.on(StubbedMonitorTests.TOKEN_PATH,
				StubResponse.fixture(200, "oauth-token-refresh-response.json").delayed(Duration.ofMillis(150)),
				StubResponse.fixture(400, "oauth-token-refresh-error.json"));
		stub.on("/hook", StubResponse.status(204));
		this.firstRequest = stub.requests().size();
	}

	@Test
	void concurrentCyclesRunOneAtATime() {
		List<HttpResponse<String>> responses = runConcurrently(4,
				(replica) -> replica.request("/").POST(BodyPublishers.noBody()));

		assertThat(responses).extracting(HttpResponse::statusCode).containsOnly(200);
		assertThat(jdbc().sql("SELECT COUNT(DISTINCT cycle_id) FROM collection_runs").query(Integer.class).single())
			.isEqualTo(4);
		for (String account : ACCOUNTS) {
			assertRunsDoNotOverlap(account);
		}
		assertThat(jdbc().sql("SELECT DISTINCT status FROM collection_runs").query(String.class).list())
			.containsExactly("ok");
	}

	@Test
	void rotatedTokenIsNeverLost() {
		List<HttpResponse<String>> responses = runConcurrently(4,
				(replica) -> replica.request("/").POST(BodyPublishers.noBody()));

		assertThat(responses).extracting(HttpResponse::statusCode).containsOnly(200);
		List<RecordedRequest> refreshes = requests(StubbedMonitorTests.TOKEN_PATH);
		assertThat(refreshes).hasSize(1);
		assertThat(refreshes.get(0).bodyText()).contains(StubbedMonitorTests.EXPIRED_REFRESH);
		assertThat(jdbc().sql("SELECT refresh_token FROM oauth_tokens").query(String.class).list())
			.containsExactly(StubbedMonitorTests.ROTATED_REFRESH);
		assertThat(requests(StubbedMonitorTests.OAUTH_USAGE_PATH))
			.extracting((request) -> request.header("authorization"))
			.doesNotContain("Bearer " + StubbedMonitorTests.EXPIRED_ACCESS);
	}

	@Test
	void alertsAndNotificationsAreNotDuplicated() {
		List<HttpResponse<String>> responses = runConcurrently(4,
				(replica) -> replica.request("/").POST(BodyPublishers.noBody()));

		assertThat(responses).extracting(HttpResponse::statusCode).containsOnly(200);
		List<Map<String, Object>> firing = jdbc().sql("""
				SELECT account_id, window_id, type, level, COUNT(*) AS events FROM alert_events
				WHERE state = 'firing' GROUP BY account_id, window_id, type, level
				""").query().listOfRows();
		assertThat(firing).isNotEmpty();
		assertThat(firing).allSatisfy((key) -> assertThat(((Number) key.get("events")).intValue()).isOne());
		List<String> sent = this.stub.requests("/hook")
			.stream()
			.map((request) -> request.header("webhook-id"))
			.toList();
		assertThat(sent).doesNotHaveDuplicates();
		assertThat(sent)
			.hasSize(jdbc().sql("SELECT COUNT(DISTINCT message_id) FROM notification_outbox WHERE status = 'delivered'")
				.query(Integer.class)
				.single());
		assertThat(jdbc().sql("SELECT DISTINCT status FROM notification_outbox").query(String.class).list())
			.containsExactly("delivered");
	}

	@Test
	void sameCloudEventRunsOneCycle() {
		String id = UUID.randomUUID().toString();
		List<HttpResponse<String>> responses = runConcurrently(2,
				(replica) -> replica.request("/")
					.header("Content-Type", "application/json")
					.header("ce-specversion", "1.0")
					.header("ce-id", id)
					.header("ce-source", PING_SOURCE)
					.header("ce-type", "dev.knative.sources.ping")
					.POST(BodyPublishers.ofString("{}")));

		assertThat(responses).extracting(HttpResponse::statusCode).containsOnly(200);
		assertThat(responses.get(1).body()).isEqualTo(responses.get(0).body());
		assertThat(jdbc().sql("SELECT COUNT(DISTINCT cycle_id) FROM collection_runs").query(Integer.class).single())
			.isOne();
	}

	/**
	 * Sends {@code count} requests at once, alternating between the replicas, and waits
	 * for every response.
	 */
	private List<HttpResponse<String>> runConcurrently(int count, Function<Replica, HttpRequest.Builder> request) {
		List<CompletableFuture<HttpResponse<String>>> pending = new ArrayList<>();
		for (int index = 0; index < count; index++) {
			Replica replica = replicas.get(index % replicas.size());
			pending.add(replica.send(request.apply(replica)));
		}
		return pending.stream().map(CompletableFuture::join).toList();
	}

	private void assertRunsDoNotOverlap(String account) {
		List<long[]> runs = jdbc().sql("""
				SELECT r.started_at, r.finished_at FROM collection_runs r JOIN accounts a ON a.id = r.account_id
				WHERE a.name = :name ORDER BY r.started_at
				""").param("name", account).query((rs, row) -> new long[] { rs.getLong(1), rs.getLong(2) }).list();
		assertThat(runs).hasSize(4);
		for (int index = 1; index < runs.size(); index++) {
			assertThat(runs.get(index)[0]).as("start of run %d of %s after the end of the one before", index, account)
				.isGreaterThanOrEqualTo(runs.get(index - 1)[1]);
		}
	}

	/**
	 * Returns the requests of the current test to one path, oldest first.
	 */
	private List<RecordedRequest> requests(String path) {
		List<RecordedRequest> all = stub.requests();
		return all.subList(this.firstRequest, all.size())
			.stream()
			.filter((request) -> request.path().equals(path))
			.toList();
	}

	private static JdbcClient jdbc() {
		return replicas.get(0).bean(JdbcClient.class);
	}

	private static List<String> properties() {
		List<String> properties = new ArrayList<>(TestDatabase.properties(folder));
		String base = stub.baseUrl().toString();
		properties.addAll(List.of("server.port=0", "monitor.cycle.lock-wait=60s", "monitor.http.request-timeout=5s",
				"monitor.oauth.base-url=" + base, "monitor.oauth.token-url=" + base + StubbedMonitorTests.TOKEN_PATH,
				"monitor.accounts[0].name=expired", "monitor.accounts[0].source=oauth",
				"monitor.accounts[0].access-token=" + StubbedMonitorTests.EXPIRED_ACCESS,
				"monitor.accounts[0].refresh-token=" + StubbedMonitorTests.EXPIRED_REFRESH,
				"monitor.accounts[0].expires-at=2020-01-01T00:00:00Z", "monitor.accounts[1].name=valid",
				"monitor.accounts[1].source=oauth",
				"monitor.accounts[1].access-token=" + StubbedMonitorTests.MAIN_ACCESS,
				"monitor.accounts[1].refresh-token=" + StubbedMonitorTests.MAIN_REFRESH,
				"monitor.channels[0].name=hook", "monitor.channels[0].type=webhook",
				"monitor.channels[0].url=" + base + "/hook"));
		return properties;
	}

	/**
	 * Returns an OAuth usage response whose five-hour window is at {@code utilization}
	 * percent.
	 */
	private static String usage(double utilization, Instant resetsAt) {
		return """
				{"five_hour": {"utilization": %s, "resets_at": "%s"},
				 "seven_day": {"utilization": 20.0, "resets_at": "%s"}}
				""".formatted(utilization, resetsAt, resetsAt.plus(Duration.ofDays(4)));
	}

}
