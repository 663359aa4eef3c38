package dev.usagemonitor.notify;

import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.Test;

import dev.usagemonitor.support.StandardWebhooksReceiver;
import dev.usagemonitor.support.StubServer.RecordedRequest;
import dev.usagemonitor.support.StubServer.StubResponse;

import static org.assertj.core.api.Assertions.assertThat;

class DeliveryRetryTests extends OutboxTestSupport {

	@Test
	void okMarksMessageDelivered() {
		Channel hook = channel("hook", ChannelType.WEBHOOK, "/hook");
		this.receiver.on("/hook", StubResponse.status(200));
		long event = event(account("personal"), "cycle-1", "critical");
		enqueue("cycle-1", hook);

		FlushReport report = flusher(hook).flush();

		assertThat(report).isEqualTo(new FlushReport(1, 0, 0, 0, 0));
		Map<String, Object> row = outboxRow(event);
		assertThat(row.get("status")).isEqualTo("delivered");
		assertThat(row.get("delivered_at")).isEqualTo(START.toEpochMilli());
		assertThat(row.get("attempts")).isEqualTo(1);
		assertThat(row.get("last_error")).isNull();
		assertThat(this.receiver.requests("/hook")).hasSize(1);
	}

	@Test
	void deliveredMessageIsNotSentAgain() {
		Channel hook = channel("hook", ChannelType.WEBHOOK, "/hook");
		this.receiver.on("/hook", StubResponse.status(200));
		event(account("personal"), "cycle-1", "critical");
		enqueue("cycle-1", hook);
		flusher(hook).flush();
		this.clock.advance(Duration.ofHours(1));

		FlushReport second = flusher(hook).flush();

		assertThat(second).isEqualTo(FlushReport.empty());
		assertThat(this.receiver.requests("/hook")).hasSize(1);
	}

	@Test
	void tooManyRequestsHonoursRetryAfter() {
		Channel slack = channel("slack", ChannelType.SLACK, "/slack");
		this.receiver.on("/slack", StubResponse.status(429).header("Retry-After", "30"),
				StubResponse.status(200).body("ok"));
		long event = event(account("personal"), "cycle-1", "warning");
		enqueue("cycle-1", slack);
		FlushNotifications flush = flusher(slack);

		assertThat(flush.flush().retrying()).isEqualTo(1);
		Map<String, Object> row = outboxRow(event);
		assertThat(row.get("status")).isEqualTo("pending");
		assertThat(row.get("next_attempt_at")).isEqualTo(millisAfterStart(Duration.ofSeconds(30)));
		assertThat(row.get("last_error")).isEqualTo("HTTP 429");

		this.clock.advance(Duration.ofSeconds(29));
		assertThat(flush.flush()).isEqualTo(FlushReport.empty());
		this.clock.advance(Duration.ofSeconds(1));
		assertThat(flush.flush().delivered()).isEqualTo(1);
		assertThat(outboxRow(event).get("status")).isEqualTo("delivered");
		assertThat(outboxRow(event).get("attempts")).isEqualTo(2);
		assertThat(this.receiver.requests("/slack")).hasSize(2);
	}

	@Test
	void discordRetryAfterInBodyWins() {
		Channel discord = channel("discord", ChannelType.DISCORD, "/discord");
		this.receiver.on("/discord",
				StubResponse
					.json(429,
							"{\"message\": \"You are being rate limited.\", \"retry_after\": 2.5,"
									+ " \"global\": false}")
					.header("Retry-After", "3"),
				StubResponse.status(204));
		long event = event(account("personal"), "cycle-1", "warning");
		enqueue("cycle-1", discord);

		flusher(discord).flush();

		assertThat(outboxRow(event).get("next_attempt_at")).isEqualTo(millisAfterStart(Duration.ofMillis(2500)));
		assertThat(channelRow("discord").get("next_send_at")).isEqualTo(millisAfterStart(Duration.ofMillis(2500)));
	}

	@Test
	void serverErrorsBackOffThenDeliver() {
		Channel hook = channel("hook", ChannelType.WEBHOOK, "/hook");
		this.receiver.on("/hook", StubResponse.status(500).body("rollup_error"), StubResponse.status(500),
				StubResponse.status(200));
		long event = event(account("personal"), "cycle-1", "critical");
		enqueue("cycle-1", hook);
		FlushNotifications flush = flusher(hook);

		flush.flush();
		assertThat(outboxRow(event).get("last_error")).isEqualTo("HTTP 500: rollup_error");
		assertThat(outboxRow(event).get("next_attempt_at")).isEqualTo(millisAfterStart(Duration.ofSeconds(45)));
		this.clock.advance(Duration.ofSeconds(45));
		flush.flush();
		assertThat(outboxRow(event).get("next_attempt_at")).isEqualTo(millisAfterStart(Duration.ofSeconds(135)));
		this.clock.advance(Duration.ofSeconds(90));
		assertThat(flush.flush().delivered()).isEqualTo(1);

		assertThat(outboxRow(event).get("status")).isEqualTo("delivered");
		assertThat(outboxRow(event).get("attempts")).isEqualTo(3);
		assertThat(this.receiver.requests("/hook")).extracting((request) -> request.header("webhook-id"))
			.containsOnly((String) outboxRow(event).get("message_id"))
			.hasSize(3);
		assertThat(this.receiver.requests("/hook")).extracting((request) -> request.header("webhook-timestamp"))
			.doesNotHaveDuplicates();
	}

	@Test
	void timeoutIsRetried() {
		Channel hook = channel("hook", ChannelType.WEBHOOK, "/slow");
		this.receiver.on("/slow", StubResponse.status(200).delayed(Duration.ofMillis(1500)));
		long event = event(account("personal"), "cycle-1", "critical");
		enqueue("cycle-1", hook);

		FlushReport report = flusher(Duration.ofMillis(300), hook).flush();

		assertThat(report.retrying()).isEqualTo(1);
		assertThat(outboxRow(event).get("status")).isEqualTo("pending");
		assertThat(outboxRow(event).get("last_error")).isEqualTo("timed out after 300 ms");
		assertThat(outboxRow(event).get("next_attempt_at")).isEqualTo(millisAfterStart(Duration.ofSeconds(45)));
	}

	@Test
	void refusedConnectionIsRetriedWithoutUrlInError() {
		Channel hook = channel("hook", ChannelType.WEBHOOK, "/secret-path-123");
		this.receiver.close();
		long event = event(account("personal"), "cycle-1", "critical");
		enqueue("cycle-1", hook);

		FlushReport report = flusher(hook).flush();

		assertThat(report.retrying()).isEqualTo(1);
		String error = (String) outboxRow(event).get("last_error");
		assertThat(error).startsWith("connection failed (");
		assertThat(error).doesNotContain("secret-path-123");
	}

	@Test
	void redirectIsNotFollowed() {
		Channel hook = channel("hook", ChannelType.WEBHOOK, "/moved");
		this.receiver.on("/moved", StubResponse.status(302).header("Location", this.receiver.baseUrl() + "/elsewhere"));
		this.receiver.on("/elsewhere", StubResponse.status(200));
		long event = event(account("personal"), "cycle-1", "critical");
		enqueue("cycle-1", hook);

		flusher(hook).flush();

		assertThat(outboxRow(event).get("status")).isEqualTo("pending");
		assertThat(outboxRow(event).get("last_error")).isEqualTo("HTTP 302");
		assertThat(this.receiver.requests("/elsewhere")).isEmpty();
	}

	@Test
	void givesUpAfterMaxAge() {
		Channel hook = channel("hook", ChannelType.WEBHOOK, "/down");
		this.receiver.on("/down", StubResponse.status(503).body("maintenance"));
		long event = event(account("personal"), "cycle-1", "critical");
		enqueue("cycle-1", hook);
		FlushNotifications flush = flusher(hook);
		flush.flush();
		this.clock.advance(Duration.ofHours(24).plusMillis(1));

		FlushReport report = flush.flush();

		assertThat(report).isEqualTo(new FlushReport(0, 0, 0, 0, 1));
		Map<String, Object> row = outboxRow(event);
		assertThat(row.get("status")).isEqualTo("given_up");
		assertThat(row.get("last_error")).isEqualTo("not delivered within 24 h; last error: HTTP 503: maintenance");
		assertThat(this.receiver.requests("/down")).hasSize(1);
	}

	@Test
	void messageJustUnderMaxAgeIsStillSent() {
		Channel hook = channel("hook", ChannelType.WEBHOOK, "/late");
		this.receiver.on("/late", StubResponse.status(200));
		long event = event(account("personal"), "cycle-1", "critical");
		enqueue("cycle-1", hook);
		this.clock.advance(Duration.ofHours(24));

		flusher(hook).flush();

		assertThat(outboxRow(event).get("status")).isEqualTo("delivered");
	}

	@Test
	void signedRequestVerifiesAtReceiver() throws Exception {
		Channel hook = channel("hook", ChannelType.WEBHOOK, "/signed");
		this.receiver.on("/signed", StubResponse.status(200));
		event(account("personal"), "cycle-1", "critical");
		enqueue("cycle-1", hook);

		flusher(hook).flush();

		RecordedRequest request = this.receiver.requests("/signed").get(0);
		assertThat(StandardWebhooksReceiver.verify(SECRET, request)).isTrue();
		assertThat(request.header("webhook-timestamp")).isEqualTo(String.valueOf(START.getEpochSecond()));
	}

}
