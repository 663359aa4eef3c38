package dev.usagemonitor.cycle;

import dev.usagemonitor.support.MutableClock;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import dev.usagemonitor.support.StoreTest;
import dev.usagemonitor.support.TestDatabase;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Primary;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code POST /} over real HTTP, with the requests Knative PingSource, {@code kn func
 * invoke} and the OpenFaaS cron connector send.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "monitor.cycle.lock-wait=2s", "monitor.cycle.retry-after=7s" })
@Import({ CycleGate.Configuration.class, CycleEndpointTests.Clocks.class })
@StoreTest
class CycleEndpointTests {

	static final String PING_SOURCE = "/apis/v1/namespaces/claude-usage/pingsources/claude-usage-monitor-cron";

	@TempDir
	static Path folder;

	@Value("${local.server.port}")
	int port;

	@Autowired
	CycleGate gate;

	@Autowired
	MutableClock clock;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	JsonMapper json;

	final HttpClient client = HttpClient.newHttpClient();

	@DynamicPropertySource
	static void database(DynamicPropertyRegistry registry) {
		if (TestDatabase.postgres()) {
			TestDatabase.register(registry, folder);
		}
		else {
			registry.add("spring.datasource.url", () -> "jdbc:sqlite:" + database() + "?busy_timeout=200");
		}
	}

	static Path database() {
		return folder.resolve("usage.db");
	}

	@BeforeEach
	@AfterEach
	void reset() {
		this.gate.reset();
	}

	@Test
	void binaryPingEventRunsCycle() throws Exception {
		HttpResponse<String> response = send(binaryPing(UUID.randomUUID().toString()));
		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(response.headers().firstValue("Content-Type"))
			.hasValueSatisfying((type) -> assertThat(type).startsWith("application/json"));
		assertThat(summary(response).path("cycleId").asString()).isNotBlank();
		assertThat(this.gate.runs()).isEqualTo(1);
		assertNoCloudEventHeaders(response.headers());
	}

	@Test
	void structuredPingEventRunsCycle() throws Exception {
		HttpResponse<String> response = send(structuredPing(UUID.randomUUID().toString()));
		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(summary(response).has("accounts")).isTrue();
		assertThat(this.gate.runs()).isEqualTo(1);
		assertNoCloudEventHeaders(response.headers());
	}

	@Test
	void redeliveredEventReplaysFirstSummary() throws Exception {
		String id = UUID.randomUUID().toString();
		HttpResponse<String> first = send(binaryPing(id));
		HttpResponse<String> again = send(binaryPing(id));
		HttpResponse<String> structured = send(structuredPing(id));
		assertThat(again.statusCode()).isEqualTo(200);
		assertThat(again.body()).isEqualTo(first.body());
		assertThat(structured.body()).isEqualTo(first.body());
		assertThat(this.gate.runs()).isEqualTo(1);
		assertNoCloudEventHeaders(again.headers());
	}

	@Test
	void sameIdFromOtherSourceRunsCycle() throws Exception {
		String id = UUID.randomUUID().toString();
		HttpResponse<String> first = send(binaryPing(id));
		HttpResponse<String> other = send(binaryPing(id).setHeader("ce-source", "/boson/fn"));
		assertThat(other.statusCode()).isEqualTo(200);
		assertThat(cycleId(other)).isNotEqualTo(cycleId(first));
		assertThat(this.gate.runs()).isEqualTo(2);
	}

	@Test
	void redeliveryAfterReplayWindowRunsCycle() throws Exception {
		String id = UUID.randomUUID().toString();
		HttpResponse<String> first = send(binaryPing(id));
		this.clock.advance(Duration.ofHours(24).plusMinutes(1));
		HttpResponse<String> late = send(binaryPing(id));
		assertThat(late.statusCode()).isEqualTo(200);
		assertThat(cycleId(late)).isNotEqualTo(cycleId(first));
		assertThat(this.gate.runs()).isEqualTo(2);
	}

	@Test
	void expiredDeliveriesAreDeleted() throws Exception {
		String old = UUID.randomUUID().toString();
		send(binaryPing(old));
		this.clock.advance(Duration.ofHours(25));
		send(binaryPing(UUID.randomUUID().toString()));
		assertThat(deliveryCount(old)).isZero();
	}

	@Test
	void overlappingRequestGetsServiceUnavailable() throws Exception {
		this.gate.close();
		CompletableFuture<HttpResponse<String>> first = sendAsync(binaryPing(UUID.randomUUID().toString()));
		this.gate.awaitEntered(Duration.ofSeconds(10));
		HttpResponse<String> second = send(binaryPing(UUID.randomUUID().toString()));
		this.gate.open();
		assertThat(second.statusCode()).isEqualTo(503);
		assertThat(second.headers().firstValue("Retry-After")).hasValue("7");
		assertThat(second.body()).contains("Another monitoring cycle is still running");
		assertThat(first.get().statusCode()).isEqualTo(200);
		assertThat(this.gate.runs()).isEqualTo(1);
		assertNoCloudEventHeaders(second.headers());
	}

	@Test
	void scrapeDuringCycleGetsServiceUnavailable() throws Exception {
		this.gate.close();
		CompletableFuture<HttpResponse<String>> cycle = sendAsync(binaryPing(UUID.randomUUID().toString()));
		this.gate.awaitEntered(Duration.ofSeconds(10));
		HttpResponse<String> scrape = send(HttpRequest.newBuilder(uri("/scrapeUsage")).GET());
		this.gate.open();
		assertThat(scrape.statusCode()).isEqualTo(503);
		assertThat(scrape.headers().firstValue("Retry-After")).hasValue("7");
		assertThat(scrape.body()).contains("Another monitoring cycle is still running");
		assertThat(cycle.get().statusCode()).isEqualTo(200);
		assertThat(send(HttpRequest.newBuilder(uri("/scrapeUsage")).GET()).statusCode()).isEqualTo(200);
	}

	@Test
	void overlappingRedeliveryWaitsAndReplays() throws Exception {
		String id = UUID.randomUUID().toString();
		this.gate.close();
		CompletableFuture<HttpResponse<String>> first = sendAsync(binaryPing(id));
		this.gate.awaitEntered(Duration.ofSeconds(10));
		CompletableFuture<HttpResponse<String>> redelivery = sendAsync(binaryPing(id));
		Thread.sleep(100);
		this.gate.open();
		assertThat(first.get().statusCode()).isEqualTo(200);
		assertThat(redelivery.get().statusCode()).isEqualTo(200);
		assertThat(redelivery.get().body()).isEqualTo(first.get().body());
		assertThat(this.gate.runs()).isEqualTo(1);
	}

	@Test
	void funcInvokeDefaultBodyRunsCycleEachTime() throws Exception {
		HttpRequest.Builder invoke = post("application/json", "{\"message\":\"Hello World\"}");
		HttpResponse<String> first = send(invoke);
		HttpResponse<String> second = send(invoke);
		assertThat(first.statusCode()).isEqualTo(200);
		assertThat(second.statusCode()).isEqualTo(200);
		assertThat(cycleId(second)).isNotEqualTo(cycleId(first));
		assertThat(this.gate.runs()).isEqualTo(2);
	}

	@Test
	void cronConnectorEmptyBodyRunsCycle() throws Exception {
		HttpRequest.Builder cron = HttpRequest.newBuilder(uri("/"))
			.header("X-Topic", "cron-function")
			.header("X-Connector", "cron-connector")
			.POST(BodyPublishers.noBody());
		HttpResponse<String> response = send(cron);
		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(summary(response).has("cycleId")).isTrue();
		assertThat(this.gate.runs()).isEqualTo(1);
	}

	@Test
	void unreadableBodyStillRunsCycle() throws Exception {
		HttpResponse<String> text = send(post("text/plain", "\u0000not json at all"));
		HttpResponse<String> badType = send(post("nonsense", "{"));
		assertThat(text.statusCode()).isEqualTo(200);
		assertThat(badType.statusCode()).isEqualTo(200);
		assertThat(this.gate.runs()).isEqualTo(2);
	}

	@Test
	void structuredEventWithInvalidJsonIsRejected() throws Exception {
		HttpResponse<String> response = send(post("application/cloudevents+json", "{\"specversion\":"));
		assertThat(response.statusCode()).isEqualTo(400);
		assertThat(response.body()).contains("not valid JSON");
		assertThat(this.gate.runs()).isZero();
	}

	@Test
	void structuredEventWithoutIdIsRejected() throws Exception {
		String event = "{\"specversion\":\"1.0\",\"source\":\"" + PING_SOURCE
				+ "\",\"type\":\"dev.knative.sources.ping\",\"data\":{}}";
		HttpResponse<String> response = send(post("application/cloudevents+json; charset=utf-8", event));
		assertThat(response.statusCode()).isEqualTo(400);
		assertThat(response.body()).contains("missing attribute id");
		assertThat(this.gate.runs()).isZero();
	}

	@Test
	void structuredEventThatIsNotObjectIsRejected() throws Exception {
		HttpResponse<String> response = send(post("application/cloudevents+json", "[1,2]"));
		assertThat(response.statusCode()).isEqualTo(400);
		assertThat(response.body()).contains("must be a JSON object");
	}

	@Test
	void binaryEventWithoutIdIsRejected() throws Exception {
		HttpRequest.Builder request = post("application/json", "{}").header("ce-specversion", "1.0")
			.header("ce-source", PING_SOURCE)
			.header("ce-type", "dev.knative.sources.ping");
		HttpResponse<String> response = send(request);
		assertThat(response.statusCode()).isEqualTo(400);
		assertThat(response.headers().firstValue("Content-Type"))
			.hasValueSatisfying((type) -> assertThat(type).startsWith("application/problem+json"));
		assertThat(response.body()).contains("missing header ce-id");
		assertThat(this.gate.runs()).isZero();
	}

	@Test
	void unsupportedSpecVersionIsRejected() throws Exception {
		HttpResponse<String> response = send(binaryPing("1").setHeader("ce-specversion", "0.3"));
		assertThat(response.statusCode()).isEqualTo(400);
		assertThat(response.body()).contains("unsupported header ce-specversion '0.3'");
	}

	@Test
	void batchedEventsAreRejected() throws Exception {
		HttpResponse<String> response = send(post("application/cloudevents-batch+json", "[]"));
		assertThat(response.statusCode()).isEqualTo(400);
		assertThat(response.body()).contains("one event per request");
	}

	@Test
	void lockedDatabaseGetsServiceUnavailable() throws Exception {
		Assumptions.assumeFalse(TestDatabase.postgres(), "locks the SQLite file with BEGIN IMMEDIATE");
		try (Connection other = DriverManager.getConnection("jdbc:sqlite:" + database());
				Statement statement = other.createStatement()) {
			statement.execute("BEGIN IMMEDIATE");
			HttpResponse<String> response = send(binaryPing(UUID.randomUUID().toString()));
			statement.execute("ROLLBACK");
			assertThat(response.statusCode()).isEqualTo(503);
			assertThat(response.headers().firstValue("Retry-After")).hasValue("7");
			assertThat(response.body()).contains("database is locked or unavailable");
		}
		assertThat(this.gate.runs()).isZero();
		assertThat(send(binaryPing(UUID.randomUUID().toString())).statusCode()).isEqualTo(200);
	}

	private HttpRequest.Builder binaryPing(String id) {
		return post("application/json", "{}").header("ce-specversion", "1.0")
			.header("ce-id", id)
			.header("ce-source", PING_SOURCE)
			.header("ce-type", "dev.knative.sources.ping")
			.header("ce-time", "2026-12-04T10:00:00.217Z")
			.header("Kn-Namespace", "claude-usage");
	}

	private HttpRequest.Builder structuredPing(String id) {
		String event = """
				{"specversion":"1.0","id":"%s","source":"%s","type":"dev.knative.sources.ping",
				 "time":"2026-12-04T10:00:00.217Z","datacontenttype":"application/json","data":{}}
				""".formatted(id, PING_SOURCE);
		return post("application/cloudevents+json", event);
	}

	private HttpRequest.Builder post(String contentType, String body) {
		return HttpRequest.newBuilder(uri("/")).header("Content-Type", contentType).POST(BodyPublishers.ofString(body));
	}

	private URI uri(String path) {
		return URI.create("http://127.0.0.1:" + this.port + path);
	}

	private HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
		return this.client.send(request.build(), HttpResponse.BodyHandlers.ofString());
	}

	private CompletableFuture<HttpResponse<String>> sendAsync(HttpRequest.Builder request) {
		return this.client.sendAsync(request.build(), HttpResponse.BodyHandlers.ofString());
	}

	private JsonNode summary(HttpResponse<String> response) {
		return this.json.readTree(response.body());
	}

	private String cycleId(HttpResponse<String> response) {
		return summary(response).path("cycleId").asString();
	}

	private int deliveryCount(String id) {
		return this.jdbc.sql("SELECT COUNT(*) FROM cycle_deliveries WHERE event_id = ?")
			.param(id)
			.query(Integer.class)
			.single();
	}

	static void assertNoCloudEventHeaders(HttpHeaders headers) {
		assertThat(headers.map().keySet()).noneSatisfy((name) -> assertThat(name.toLowerCase()).startsWith("ce-"));
		assertThat(headers.firstValue("Kn-Namespace")).isEmpty();
	}

	@TestConfiguration(proxyBeanMethods = false)
	static class Clocks {

		@Bean
		@Primary
		MutableClock mutableClock() {
			return new MutableClock(Instant.parse("2026-12-04T10:00:00Z"));
		}

	}

}
