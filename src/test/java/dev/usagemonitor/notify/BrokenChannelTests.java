package dev.usagemonitor.notify;

import java.net.URI;
import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import dev.usagemonitor.support.StubServer.StubResponse;

import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import static org.assertj.core.api.Assertions.assertThat;

@ExtendWith(OutputCaptureExtension.class)
class BrokenChannelTests extends OutboxTestSupport {

	@ParameterizedTest
	@CsvSource({ "400, invalid_payload", "401, unauthorized", "403, invalid_token", "404, no_service",
			"410, channel_is_archived", "413, request entity too large" })
	void permanentStatusMarksChannelBroken(int status, String body) {
		Channel slack = channel("slack", ChannelType.SLACK, "/slack");
		this.receiver.on("/slack", StubResponse.status(status).body(body));
		long event = event(account("personal"), "cycle-1", "critical");
		enqueue("cycle-1", slack);

		FlushReport report = flusher(slack).flush();

		assertThat(report.rejected()).isEqualTo(1);
		Map<String, Object> channel = channelRow("slack");
		assertThat(channel.get("broken_at")).isEqualTo(START.toEpochMilli());
		assertThat(channel.get("broken_reason")).isEqualTo("HTTP " + status + ": " + body);
		Map<String, Object> row = outboxRow(event);
		assertThat(row.get("status")).isEqualTo("pending");
		assertThat(row.get("last_error")).isEqualTo("channel broken: HTTP " + status + ": " + body);
	}

	@Test
	void brokenChannelIsNotRetried() {
		Channel slack = channel("slack", ChannelType.SLACK, "/slack");
		this.receiver.on("/slack", StubResponse.status(404).body("no_service"));
		event(account("personal"), "cycle-1", "critical");
		enqueue("cycle-1", slack);
		flusher(slack).flush();
		this.clock.advance(Duration.ofHours(2));
		event(account("work"), "cycle-2", "warning");
		enqueue("cycle-2", slack);

		FlushReport report = flusher(slack).flush();

		assertThat(report).isEqualTo(FlushReport.empty());
		assertThat(this.receiver.requests("/slack")).hasSize(1);
	}

	@Test
	void configurationChangeClearsBrokenState(CapturedOutput output) {
		Channel deadHook = channel("slack", ChannelType.SLACK, "/old-hook");
		this.receiver.on("/old-hook", StubResponse.status(404).body("no_service"));
		this.receiver.on("/new-hook", StubResponse.status(200).body("ok"));
		long event = event(account("personal"), "cycle-1", "critical");
		enqueue("cycle-1", deadHook);
		flusher(deadHook).flush();
		this.clock.advance(Duration.ofMinutes(10));
		Channel replaced = channel("slack", ChannelType.SLACK, "/new-hook");

		FlushReport report = flusher(replaced).flush();

		assertThat(report.delivered()).isEqualTo(1);
		assertThat(outboxRow(event).get("status")).isEqualTo("delivered");
		assertThat(channelRow("slack").get("broken_at")).isNull();
		assertThat(channelRow("slack").get("broken_reason")).isNull();
		assertThat(this.receiver.requests("/new-hook")).hasSize(1);
		assertThat(output).contains("Channel slack (http://127.0.0.1:" + this.receiver.baseUrl().getPort()
				+ "/***) has a new configuration, so its broken state is cleared (it was: HTTP 404: no_service)");
	}

	@Test
	void unchangedConfigurationStaysBroken() {
		Channel slack = channel("slack", ChannelType.SLACK, "/slack");
		this.receiver.on("/slack", StubResponse.status(403).body("invalid_token"));
		event(account("personal"), "cycle-1", "critical");
		enqueue("cycle-1", slack);
		flusher(slack).flush();

		flusher(channel("slack", ChannelType.SLACK, "/slack")).flush();

		assertThat(channelRow("slack").get("broken_reason")).isEqualTo("HTTP 403: invalid_token");
	}

	@Test
	void brokenChannelDoesNotBlockOthers() {
		Channel broken = channel("slack", ChannelType.SLACK, "/slack");
		Channel working = channel("discord", ChannelType.DISCORD, "/discord");
		this.receiver.on("/slack", StubResponse.status(410).body("channel_is_archived"));
		this.receiver.on("/discord", StubResponse.status(204));
		long event = event(account("personal"), "cycle-1", "critical");
		enqueue("cycle-1", broken, working);

		FlushReport report = flusher(broken, working).flush();

		assertThat(report.rejected()).isEqualTo(1);
		assertThat(report.delivered()).isEqualTo(1);
		assertThat(this.receiver.requests("/discord")).hasSize(1);
		assertThat(outbox()).extracting((row) -> row.get("channel") + "=" + row.get("status"))
			.containsExactlyInAnyOrder("slack=pending", "discord=delivered");
		assertThat(event).isPositive();
	}

	@Test
	void brokenChannelMessagesExpire() {
		Channel slack = channel("slack", ChannelType.SLACK, "/slack");
		this.receiver.on("/slack", StubResponse.status(404).body("no_service"));
		long event = event(account("personal"), "cycle-1", "critical");
		enqueue("cycle-1", slack);
		flusher(slack).flush();
		this.clock.advance(Duration.ofHours(25));

		FlushReport report = flusher(slack).flush();

		assertThat(report.givenUp()).isEqualTo(1);
		assertThat(outboxRow(event).get("status")).isEqualTo("given_up");
		assertThat(outboxRow(event).get("last_error"))
			.isEqualTo("not delivered within 24 h; last error: channel broken: HTTP 404: no_service");
	}

	@Test
	void secretsNeverReachStoredErrorsOrLogs(CapturedOutput output) {
		String secretPath = "/services/T0001/B0001/s3cr3tW3bh00kP4th";
		Channel slack = channel("slack", ChannelType.SLACK, secretPath);
		URI url = slack.url();
		this.receiver.on(secretPath, StubResponse.status(404).body("no webhook at " + url + " (" + secretPath + ")"));
		long event = event(account("personal"), "cycle-1", "critical");
		enqueue("cycle-1", slack);

		flusher(slack).flush();

		assertThat((String) channelRow("slack").get("broken_reason"))
			.isEqualTo("HTTP 404: no webhook at [redacted] ([redacted])");
		assertThat((String) outboxRow(event).get("last_error")).doesNotContain("s3cr3tW3bh00kP4th");
		assertThat(output).contains("Channel slack (http://127.0.0.1:" + url.getPort() + "/***) rejected");
		assertThat(output).doesNotContain("s3cr3tW3bh00kP4th");
	}

}
