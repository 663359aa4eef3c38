package dev.usagemonitor.cycle;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import dev.usagemonitor.collect.AccountRepository;
import dev.usagemonitor.collect.Observation;
import dev.usagemonitor.collect.ObservationRepository;
import dev.usagemonitor.support.StubServer.StubResponse;
import dev.usagemonitor.support.StubbedMonitorTests;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;

import static org.assertj.core.api.Assertions.assertThat;

class MonitoringCycleTests extends StubbedMonitorTests {

	@Value("${local.server.port}")
	int port;

	@Autowired
	JsonMapper json;

	@Autowired
	AccountRepository accountRows;

	@Autowired
	ObservationRepository observations;

	@BeforeEach
	void stubResponses() {
		stub.on(ORGANIZATIONS_PATH, StubResponse.fixture(200, "claude-orgs-single.json"));
		stub.on(MAX_USAGE_PATH, StubResponse.fixture(200, "claude-usage-2026.json"));
		stub.on(TOKEN_PATH, StubResponse.fixture(200, "oauth-token-refresh-response.json"));
		stub.on(OAUTH_USAGE_PATH, StubResponse.json(503,
				"{\"type\":\"error\",\"error\":{\"type\":\"overloaded_error\"," + "\"message\":\"Overloaded\"}}"));
	}

	@Test
	void cycleStoresEveryAccountWhenOneFails() throws Exception {
		HttpResponse<String> response = send(
				HttpRequest.newBuilder(uri("/")).POST(HttpRequest.BodyPublishers.noBody()));
		assertThat(response.statusCode()).isEqualTo(200);
		JsonNode summary = this.json.readTree(response.body());
		assertThat(summary.path("accounts").values()).extracting((account) -> account.path("name").asString())
			.containsExactly("web-auto", "web-pinned", "oauth-main", "oauth-expired");
		assertThat(summary.path("accounts").values()).extracting((account) -> account.path("status").asString())
			.containsExactly("ok", "ok", "server_error", "server_error");
		assertThat(summary.path("accounts").get(0).path("windowsStored").asInt()).isEqualTo(5);
		assertThat(summary.path("accounts").get(2).path("windowsStored").asInt()).isZero();
		assertThat(summary.path("accounts").get(2).path("message").asString()).contains("HTTP 503");
		String cycleId = summary.path("cycleId").asString();
		assertThat(this.jdbc.sql("SELECT COUNT(*) FROM collection_runs WHERE cycle_id = ?")
			.param(cycleId)
			.query(Integer.class)
			.single()).isEqualTo(4);
		List<Observation> latest = this.observations.findLatest(accountId("web-pinned"));
		assertThat(latest).extracting((observation) -> observation.window().id())
			.containsExactly("five_hour", "nimbus_quill", "seven_day", "seven_day_sonnet", "weekly_scoped:fable");
		assertThat(latest).allSatisfy((observation) -> assertThat(observation.source()).isEqualTo("claude-web"));
	}

	@Test
	void rawResponsesAreStoredPerRun() throws Exception {
		HttpResponse<String> response = send(
				HttpRequest.newBuilder(uri("/")).POST(HttpRequest.BodyPublishers.noBody()));
		String cycleId = this.json.readTree(response.body()).path("cycleId").asString();
		List<String> endpoints = this.jdbc.sql("""
				SELECT p.endpoint FROM raw_payloads p JOIN collection_runs r ON r.id = p.run_id
				JOIN accounts a ON a.id = r.account_id
				WHERE r.cycle_id = ? AND a.name = 'web-auto' ORDER BY p.id
				""").param(cycleId).query(String.class).list();
		assertThat(endpoints).containsExactly("GET " + stub.baseUrl() + ORGANIZATIONS_PATH,
				"GET " + stub.baseUrl() + MAX_USAGE_PATH);
	}

	@Test
	void scrapeUsageCollectsOverHttp() throws Exception {
		stub.on(OAUTH_USAGE_PATH, StubResponse.fixture(200, "oauth-usage.json"));
		HttpResponse<String> response = send(HttpRequest.newBuilder(uri("/scrapeUsage")).GET());
		assertThat(response.statusCode()).isEqualTo(200);
		JsonNode summary = this.json.readTree(response.body());
		assertThat(summary.path("accounts").values()).extracting((account) -> account.path("status").asString())
			.containsExactly("ok", "ok", "ok", "ok");
		assertThat(summary.path("accounts").values()).extracting((account) -> account.path("windowsStored").asInt())
			.containsExactly(5, 5, 3, 3);
		assertThat(this.observations.findLatest(accountId("oauth-main"))).hasSize(3);
	}

	@Test
	void pushAccountsAreNotCollected() throws Exception {
		HttpResponse<String> response = send(
				HttpRequest.newBuilder(uri("/")).POST(HttpRequest.BodyPublishers.noBody()));
		assertThat(this.json.readTree(response.body()).path("accounts").values())
			.extracting((account) -> account.path("name").asString())
			.doesNotContain("pusher");
	}

	private long accountId(String name) {
		return this.accountRows.findId(name).orElseThrow();
	}

	private URI uri(String path) {
		return URI.create("http://127.0.0.1:" + this.port + path);
	}

	private static HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
		return HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofString());
	}

}
