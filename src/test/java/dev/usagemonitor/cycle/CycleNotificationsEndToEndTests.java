package dev.usagemonitor.cycle;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import dev.usagemonitor.support.StandardWebhooksReceiver;
import dev.usagemonitor.support.StubServer.RecordedRequest;
import dev.usagemonitor.support.StubServer.StubResponse;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Runs cycles over {@code POST /} that fire alerts and checks what reaches local
 * receivers of every channel type: one grouped message per channel and account, nothing
 * more when no event is new, and a failed delivery sent once more in the next cycle.
 */
class CycleNotificationsEndToEndTests extends CycleEndToEndTestSupport {

	private static final Instant SESSION_RESET = Instant.parse("2026-09-14T13:00:00Z");

	private static final Instant WEEKLY_RESET = Instant.parse("2026-09-18T22:00:00Z");

	private static final String WEBHOOK = hookPath("webhook");

	@BeforeEach
	void exhaustSessionAndNearWeeklyLimit() {
		claude.on(PERSONAL_USAGE, usageResponse(100, SESSION_RESET, 91, WEEKLY_RESET));
	}

	@Test
	void cycleSendsOneGroupedMessagePerChannel() throws Exception {
		JsonNode summary = runCycle();

		assertThat(reportedEvents(summary, "personal")).containsExactly("five_hour: threshold exhausted firing",
				"seven_day: threshold critical firing");
		assertThat(summary.path("notifications")).isEqualTo(
				this.json.readTree("{\"delivered\":5,\"retrying\":0,\"rejected\":0,\"deferred\":0,\"givenUp\":0}"));
		List<String> messages = eventMessages();
		for (String channel : CHANNELS) {
			List<RecordedRequest> requests = receivers.requests(hookPath(channel));
			assertThat(requests).as(channel).hasSize(1);
			assertThat(requests.get(0).bodyText()).as(channel).contains(messages);
		}
		assertSlack(body("slack"));
		assertDiscord(body("discord"));
		assertTeams(body("teams"));
		assertNtfy(receivers.requests(hookPath("ntfy")).get(0));
		assertSignedWebhook(receivers.requests(WEBHOOK).get(0), START);
		assertThat(this.jdbc.sql("SELECT DISTINCT status FROM notification_outbox").query(String.class).list())
			.containsExactly("delivered");
		assertThat(count("notification_outbox")).isEqualTo(2 * CHANNELS.size());
	}

	@Test
	void cycleWithoutNewEventsSendsNothing() throws Exception {
		runCycle();
		this.clock.advance(Duration.ofMinutes(10));

		JsonNode summary = runCycle();

		assertThat(reportedEvents(summary, "personal")).isEmpty();
		assertThat(summary.path("notifications").path("delivered").asInt()).isZero();
		assertThat(summary.path("notifications").path("retrying").asInt()).isZero();
		for (String channel : CHANNELS) {
			assertThat(receivers.requests(hookPath(channel))).as(channel).hasSize(1);
		}
	}

	@Test
	void failedDeliveryIsSentOnceInNextCycle() throws Exception {
		receivers.on(WEBHOOK, StubResponse.status(500).body("maintenance"), StubResponse.status(200));

		JsonNode first = runCycle();
		JsonNode pending = queryUsage("personal").path("notifications").path("outbox");
		this.clock.advance(Duration.ofMinutes(10));
		JsonNode second = runCycle();
		JsonNode delivered = queryUsage("personal").path("notifications").path("outbox");
		this.clock.advance(Duration.ofMinutes(10));
		JsonNode third = runCycle();

		assertThat(first.path("notifications").path("delivered").asInt()).isEqualTo(CHANNELS.size() - 1);
		assertThat(first.path("notifications").path("retrying").asInt()).isEqualTo(1);
		assertThat(reportedEvents(second, "personal")).isEmpty();
		assertThat(second.path("notifications").path("delivered").asInt()).isEqualTo(1);
		assertThat(second.path("notifications").path("retrying").asInt()).isZero();
		assertThat(third.path("notifications").path("delivered").asInt()).isZero();
		assertThat(pending.path("pending").asInt()).isEqualTo(2);
		assertThat(pending.path("delivered").asInt()).isEqualTo(2 * (CHANNELS.size() - 1));
		assertThat(delivered.path("pending").asInt()).isZero();
		assertThat(delivered.path("delivered").asInt()).isEqualTo(2 * CHANNELS.size());
		List<RecordedRequest> attempts = receivers.requests(WEBHOOK);
		assertThat(attempts).hasSize(2);
		assertThat(attempts.get(1).header("webhook-id")).isEqualTo(attempts.get(0).header("webhook-id"));
		assertThat(eventIds(attempts.get(1))).isEqualTo(eventIds(attempts.get(0)));
		assertSignedWebhook(attempts.get(1), START.plus(Duration.ofMinutes(10)));
		for (String channel : List.of("slack", "discord", "teams", "ntfy")) {
			assertThat(receivers.requests(hookPath(channel))).as(channel).hasSize(1);
		}
		assertThat(this.jdbc.sql("SELECT attempts FROM notification_outbox WHERE channel = 'webhook'")
			.query(Integer.class)
			.list()).containsExactly(2, 2);
	}

	@Test
	void eachAccountGetsItsOwnMessage() throws Exception {
		claude.on(WORK_USAGE, usageResponse(95, SESSION_RESET, 20, WEEKLY_RESET));

		JsonNode summary = runCycle();

		assertThat(reportedEvents(summary, "work")).containsExactly("five_hour: threshold critical firing");
		assertThat(summary.path("notifications").path("delivered").asInt()).isEqualTo(2 * CHANNELS.size());
		for (String channel : CHANNELS) {
			assertThat(receivers.requests(hookPath(channel))).as(channel).hasSize(2);
		}
		assertThat(receivers.requests(WEBHOOK))
			.extracting((request) -> this.json.readTree(request.body()).path("data").path("account").asString())
			.containsExactlyInAnyOrder("personal", "work");
	}

	@Test
	void goneReceiverBreaksOnlyItsChannel() throws Exception {
		receivers.on(hookPath("discord"),
				StubResponse.json(404, "{\"message\": \"Unknown Webhook\", \"code\": 10015}"));

		JsonNode first = runCycle();
		this.clock.advance(Duration.ofMinutes(10));
		claude.on(WORK_USAGE, usageResponse(95, SESSION_RESET, 20, WEEKLY_RESET));
		JsonNode second = runCycle();

		assertThat(first.path("notifications").path("delivered").asInt()).isEqualTo(CHANNELS.size() - 1);
		assertThat(first.path("notifications").path("rejected").asInt()).isEqualTo(1);
		assertThat(reportedEvents(second, "work")).containsExactly("five_hour: threshold critical firing");
		assertThat(second.path("notifications").path("delivered").asInt()).isEqualTo(CHANNELS.size() - 1);
		assertThat(second.path("notifications").path("rejected").asInt()).isZero();
		assertThat(receivers.requests(hookPath("discord"))).hasSize(1);
		assertThat(receivers.requests(hookPath("slack"))).hasSize(2);
		assertThat(this.jdbc.sql("SELECT broken_reason FROM notification_channels WHERE name = 'discord'")
			.query(String.class)
			.single()).contains("404").contains("Unknown Webhook");
	}

	@Test
	void storeFailureWhileSendingKeepsCycle() throws Exception {
		this.jdbc.sql("ALTER TABLE notification_channels RENAME TO notification_channels_away").update();
		JsonNode failed;
		try {
			failed = runCycle();
		}
		finally {
			this.jdbc.sql("ALTER TABLE notification_channels_away RENAME TO notification_channels").update();
		}
		this.clock.advance(Duration.ofMinutes(10));

		JsonNode next = runCycle();

		assertThat(reportedEvents(failed, "personal")).containsExactly("five_hour: threshold exhausted firing",
				"seven_day: threshold critical firing");
		assertThat(failed.path("notifications").isNull()).isTrue();
		assertThat(count("alert_events")).isEqualTo(2);
		assertThat(next.path("notifications").path("delivered").asInt()).isEqualTo(CHANNELS.size());
		for (String channel : CHANNELS) {
			assertThat(receivers.requests(hookPath(channel))).as(channel).hasSize(1);
		}
	}

	private void assertSlack(JsonNode message) {
		assertThat(message.path("text").asString()).startsWith("personal: 2 usage alerts");
		assertThat(message.path("blocks").valueStream().map((block) -> block.path("type").asString()))
			.containsExactly("header", "section", "section", "context");
	}

	private void assertDiscord(JsonNode message) {
		assertThat(message.path("embeds")).hasSize(2);
		assertThat(message.path("allowed_mentions").path("parse")).isEmpty();
	}

	private void assertTeams(JsonNode message) {
		assertThat(message.path("type").asString()).isEqualTo("message");
		assertThat(message.path("attachments")).hasSize(1);
		assertThat(message.path("attachments").get(0).path("content").path("type").asString())
			.isEqualTo("AdaptiveCard");
	}

	private void assertNtfy(RecordedRequest request) {
		assertThat(request.header("Title")).isEqualTo("personal: 2 usage alerts");
		assertThat(request.header("Priority")).isEqualTo("5");
		assertThat(request.header("Authorization")).isEqualTo("Bearer " + NTFY_TOKEN);
		assertThat(request.bodyText().lines()).containsExactlyElementsOf(eventMessages());
	}

	private void assertSignedWebhook(RecordedRequest request, Instant sentAt) throws Exception {
		assertThat(StandardWebhooksReceiver.verify(WEBHOOK_SECRET, request)).isTrue();
		assertThat(request.header("webhook-timestamp")).isEqualTo(String.valueOf(sentAt.getEpochSecond()));
		String messageId = this.jdbc
			.sql("SELECT DISTINCT message_id FROM notification_outbox WHERE channel = 'webhook'")
			.query(String.class)
			.single();
		assertThat(request.header("webhook-id")).isEqualTo(messageId);
		JsonNode body = this.json.readTree(request.body());
		assertThat(body.path("type").asString()).isEqualTo("usage.alerts");
		assertThat(body.path("data").path("message_id").asString()).isEqualTo(messageId);
		assertThat(body.path("data").path("account").asString()).isEqualTo("personal");
		assertThat(eventIds(request))
			.isEqualTo(this.jdbc.sql("SELECT id FROM alert_events ORDER BY id").query(Long.class).list());
	}

	private List<Long> eventIds(RecordedRequest request) {
		return this.json.readTree(request.body())
			.path("data")
			.path("events")
			.valueStream()
			.map((event) -> event.path("id").asLong())
			.toList();
	}

	private List<String> eventMessages() {
		return this.jdbc.sql("SELECT message FROM alert_events ORDER BY id").query(String.class).list();
	}

	private JsonNode body(String channel) {
		return this.json.readTree(receivers.requests(hookPath(channel)).get(0).body());
	}

}
