package dev.usagemonitor.alert;

import dev.usagemonitor.support.MutableClock;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;

import dev.usagemonitor.collect.AccountRepository;
import dev.usagemonitor.collect.CollectionRunRepository;
import dev.usagemonitor.collect.CollectionStatus;
import dev.usagemonitor.collect.ObservationRepository;
import dev.usagemonitor.support.StoreTest;
import dev.usagemonitor.support.TestDatabase;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code POST /evaluateThresholds} over real HTTP.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "monitor.zone=Europe/Paris", "monitor.accounts[0].name=personal",
				"monitor.accounts[0].source=claude-web", "monitor.accounts[0].session-key=sk-ant-sid01-test",
				"monitor.accounts[1].name=work", "monitor.accounts[1].source=claude-web",
				"monitor.accounts[1].session-key=sk-ant-sid01-test", "monitor.claude-web.base-url=http://127.0.0.1:9" })
@Import(AlertTestSupport.ClockConfiguration.class)
@StoreTest
class EvaluateThresholdsFunctionTests {

	@Value("${local.server.port}")
	int port;

	@Autowired
	MutableClock clock;

	@Autowired
	AccountRepository accounts;

	@Autowired
	ObservationRepository observations;

	@Autowired
	CollectionRunRepository runs;

	@Autowired
	JsonMapper json;

	@DynamicPropertySource
	static void database(DynamicPropertyRegistry registry) {
		TestDatabase.register(registry, AlertTestSupport.FOLDER.resolve("function"));
	}

	@Test
	void evaluatesOnDemand() throws Exception {
		this.clock.set(AlertTestSupport.START);
		long personal = this.accounts.ensure("personal", "claude-web");
		long work = this.accounts.ensure("work", "claude-web");
		store(personal, 91.0);
		store(work, 75.0);

		HttpResponse<String> first = post("");
		assertThat(first.statusCode()).isEqualTo(200);
		JsonNode body = this.json.readTree(first.body());
		assertThat(body.get("accounts").toString()).isEqualTo("[\"personal\",\"work\"]");
		JsonNode events = body.get("events");
		assertThat(events.size()).isEqualTo(2);
		assertThat(events.get(0).get("account").asString()).isEqualTo("personal");
		assertThat(events.get(0).get("type").asString()).isEqualTo("threshold");
		assertThat(events.get(0).get("level").asString()).isEqualTo("critical");
		assertThat(events.get(0).get("state").asString()).isEqualTo("firing");
		assertThat(events.get(0).get("cycleId").asString()).isEqualTo(body.get("cycleId").asString());
		assertThat(events.get(1).get("account").asString()).isEqualTo("work");

		this.clock.advance(Duration.ofMinutes(10));
		store(personal, 100.0);
		HttpResponse<String> single = post("{\"account\":\"personal\"}");
		JsonNode singleEvents = this.json.readTree(single.body()).get("events");
		assertThat(single.statusCode()).isEqualTo(200);
		assertThat(singleEvents.size()).isEqualTo(1);
		assertThat(singleEvents.get(0).get("level").asString()).isEqualTo("exhausted");

		HttpResponse<String> repeated = post("{}");
		assertThat(this.json.readTree(repeated.body()).get("events").size()).isZero();
	}

	@Test
	void unknownAccountIsNotFound() throws Exception {
		HttpResponse<String> response = post("{\"account\":\"nobody\"}");
		assertThat(response.statusCode()).isEqualTo(404);
		assertThat(this.json.readTree(response.body()).get("detail").asString())
			.isEqualTo("Unknown account 'nobody': use one of the configured accounts [personal, work] or send an"
					+ " empty body to evaluate them all");
	}

	@Test
	void malformedBodyIsBadRequest() throws Exception {
		HttpResponse<String> response = post("account=personal");
		assertThat(response.statusCode()).isEqualTo(400);
		assertThat(this.json.readTree(response.body()).get("detail").asString())
			.startsWith("Invalid body for evaluateThresholds: send nothing, {} or {\"account\":\"name\"}");
	}

	private void store(long accountId, double utilization) {
		var now = this.clock.instant();
		long run = this.runs.save(accountId, null, now, now, CollectionStatus.OK, "Read usage", 200);
		this.observations.saveAll(accountId, run, now, "claude-web",
				List.of(AlertTestSupport.session(utilization, now.plus(Duration.ofHours(4)))));
	}

	private HttpResponse<String> post(String body) throws Exception {
		HttpRequest.Builder request = HttpRequest
			.newBuilder(URI.create("http://127.0.0.1:" + this.port + "/evaluateThresholds"))
			.POST(HttpRequest.BodyPublishers.ofString(body));
		if (!body.isEmpty()) {
			request.header("Content-Type", "application/json");
		}
		return HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofString());
	}

}
