package dev.usagemonitor.notify;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import dev.usagemonitor.support.StandardWebhooksReceiver;
import dev.usagemonitor.support.StoreTest;
import dev.usagemonitor.support.StubServer;
import dev.usagemonitor.support.StubServer.RecordedRequest;
import dev.usagemonitor.support.StubServer.StubResponse;
import dev.usagemonitor.support.TestDatabase;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The whole application with one channel of each type: a cycle's events reach every
 * receiver as one grouped message when {@code POST /notifyWebhook} flushes the outbox.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@StoreTest
class NotifyWebhookFunctionTests {

	private static final String SECRET = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw";

	private static final StubServer RECEIVER = StubServer.start();

	private static final List<String> TYPES = List.of("slack", "discord", "teams", "ntfy", "webhook");

	@TempDir
	static Path folder;

	@Value("${local.server.port}")
	int port;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	NotificationOutbox outbox;

	@Autowired
	PlatformTransactionManager transactionManager;

	@Autowired
	JsonMapper json;

	@DynamicPropertySource
	static void properties(DynamicPropertyRegistry registry) {
		TestDatabase.register(registry, folder);
		registry.add("monitor.dashboard.public-url", () -> "https://usage.example.test/");
		for (int index = 0; index < TYPES.size(); index++) {
			String type = TYPES.get(index);
			registry.add("monitor.channels[" + index + "].name", () -> "team-" + type);
			registry.add("monitor.channels[" + index + "].type", () -> type);
			registry.add("monitor.channels[" + index + "].url", () -> RECEIVER.baseUrl() + "/" + type + "/s3cr3t");
		}
		registry.add("monitor.channels[3].token", () -> "tk_ntfy_token");
		registry.add("monitor.channels[4].secret", () -> SECRET);
	}

	@BeforeEach
	void stubReceivers() {
		RECEIVER.on("/slack/s3cr3t", StubResponse.status(200).body("ok"));
		RECEIVER.on("/discord/s3cr3t", StubResponse.status(204));
		RECEIVER.on("/teams/s3cr3t", StubResponse.status(202));
		RECEIVER.on("/ntfy/s3cr3t", StubResponse.json(200, "{\"id\":\"abc\"}"));
		RECEIVER.on("/webhook/s3cr3t", StubResponse.status(200));
	}

	@AfterAll
	static void stopReceiver() {
		RECEIVER.close();
	}

	@Test
	void flushDeliversOneGroupedMessagePerChannel() throws Exception {
		long account = this.jdbc
			.sql("INSERT INTO accounts (name, source, created_at) VALUES ('personal', 'oauth', 0)" + " RETURNING id")
			.query(Long.class)
			.single();
		insertEvent(account, "critical", "Weekly limit at 91 %");
		insertEvent(account, "exhausted", "Session limit reached");
		new TransactionTemplate(this.transactionManager).executeWithoutResult((status) -> this.outbox.enqueue("c-1"));

		HttpResponse<String> response = post("/notifyWebhook", "");

		assertThat(response.statusCode()).isEqualTo(202);
		for (String type : TYPES) {
			assertThat(RECEIVER.requests("/" + type + "/s3cr3t")).as(type).hasSize(1);
		}
		assertSlack(body("slack"));
		assertDiscord(body("discord"));
		assertTeams(body("teams"));
		assertNtfy(request("ntfy"));
		assertWebhook(request("webhook"));
		assertThat(this.jdbc.sql("SELECT DISTINCT status FROM notification_outbox").query(String.class).list())
			.containsExactly("delivered");
	}

	@Test
	void emptyOutboxAnswersAccepted() throws Exception {
		assertThat(post("/notifyWebhook", "{}").statusCode()).isEqualTo(202);
	}

	private void assertSlack(JsonNode message) {
		assertThat(message.path("text").asString()).startsWith("personal: 2 usage alerts");
		assertThat(message.path("blocks")).hasSize(4);
	}

	private void assertDiscord(JsonNode message) {
		assertThat(message.path("embeds")).hasSize(2);
		assertThat(message.path("allowed_mentions").path("parse")).isEmpty();
	}

	private void assertTeams(JsonNode message) {
		assertThat(message.path("attachments").get(0).path("content").path("type").asString())
			.isEqualTo("AdaptiveCard");
	}

	private void assertNtfy(RecordedRequest request) {
		assertThat(request.header("Priority")).isEqualTo("5");
		assertThat(request.header("Tags")).isEqualTo("rotating_light,no_entry");
		assertThat(request.header("Authorization")).isEqualTo("Bearer tk_ntfy_token");
		assertThat(request.header("Click")).isEqualTo("https://usage.example.test/");
	}

	private void assertWebhook(RecordedRequest request) throws Exception {
		assertThat(StandardWebhooksReceiver.verify(SECRET, request)).isTrue();
		JsonNode body = this.json.readTree(request.body());
		assertThat(body.path("data").path("events")).hasSize(2);
		assertThat(body.path("data").path("dashboard_url").asString()).isEqualTo("https://usage.example.test/");
		assertThat(request.header("webhook-id")).isEqualTo(body.path("data").path("message_id").asString());
	}

	private void insertEvent(long account, String level, String title) {
		long alert = this.jdbc.sql("""
				INSERT INTO alerts (account_id, window_id, instance_key, type, level, state, started_at, message)
				VALUES (:account, 'seven_day', 1, 'threshold', :level, 'firing', 0, :title) RETURNING id
				""").param("account", account).param("level", level).param("title", title).query(Long.class).single();
		this.jdbc.sql("""
				INSERT INTO alert_events (alert_id, account_id, cycle_id, window_id, type, level, state, value,
					resets_at, occurred_at, title, message)
				VALUES (:alert, :account, 'c-1', 'seven_day', 'threshold', :level, 'firing', 91.0, NULL, :now,
					:title, :title)
				""")
			.param("alert", alert)
			.param("account", account)
			.param("level", level)
			.param("now", Instant.parse("2026-03-03T08:00:00Z").toEpochMilli())
			.param("title", "personal: " + title)
			.update();
	}

	private JsonNode body(String type) {
		return this.json.readTree(request(type).body());
	}

	private RecordedRequest request(String type) {
		return RECEIVER.requests("/" + type + "/s3cr3t").get(0);
	}

	private HttpResponse<String> post(String path, String body) throws Exception {
		HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + this.port + path))
			.header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString(body))
			.build();
		return HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
	}

}
