package dev.usagemonitor.notify;

import java.net.URI;
import java.time.Duration;
import java.util.Set;

import org.junit.jupiter.api.Test;

import dev.usagemonitor.support.StubServer.StubResponse;

import static org.assertj.core.api.Assertions.assertThat;

class PacingTests extends OutboxTestSupport {

	@Test
	void slackMessagesAreSpacedOneSecond() {
		Channel slack = channel("slack", ChannelType.SLACK, "/slack");
		this.receiver.on("/slack", StubResponse.status(200).body("ok"));
		event(account("personal"), "cycle-1", "warning");
		event(account("work"), "cycle-1", "warning");
		event(account("team"), "cycle-1", "warning");
		enqueue("cycle-1", slack);

		FlushReport report = flusher(slack).flush();

		assertThat(report.delivered()).isEqualTo(3);
		assertThat(this.pauses).containsExactly(Duration.ofSeconds(1), Duration.ofSeconds(1));
		assertThat(this.receiver.requests("/slack")).hasSize(3);
	}

	@Test
	void longPacingWaitDefersToLaterFlush() {
		Channel slow = new Channel("slow", ChannelType.SLACK, URI.create(this.receiver.baseUrl() + "/slow"), null, null,
				Severity.INFO, Set.of(), Duration.ofSeconds(10));
		this.receiver.on("/slow", StubResponse.status(200).body("ok"));
		long first = event(account("personal"), "cycle-1", "warning");
		long second = event(account("work"), "cycle-1", "warning");
		enqueue("cycle-1", slow);
		FlushNotifications flush = flusher(slow);

		FlushReport report = flush.flush();

		assertThat(report.delivered()).isEqualTo(1);
		assertThat(report.deferred()).isEqualTo(1);
		long deferred = "delivered".equals(outboxRow(first).get("status")) ? second : first;
		assertThat(outboxRow(deferred).get("next_attempt_at")).isEqualTo(millisAfterStart(Duration.ofSeconds(10)));
		assertThat(outboxRow(deferred).get("attempts")).isEqualTo(0);
		this.clock.advance(Duration.ofSeconds(10));
		assertThat(flush.flush().delivered()).isEqualTo(1);
	}

	@Test
	void rateLimitHeadersPauseChannel() {
		Channel discord = channel("discord", ChannelType.DISCORD, "/discord");
		this.receiver.on("/discord",
				StubResponse.status(204).header("X-RateLimit-Remaining", "0").header("X-RateLimit-Reset-After", "1.5"));
		event(account("personal"), "cycle-1", "warning");
		event(account("work"), "cycle-1", "warning");
		enqueue("cycle-1", discord);

		FlushReport report = flusher(discord).flush();

		assertThat(report.delivered()).isEqualTo(2);
		assertThat(this.pauses).containsExactly(Duration.ofMillis(1500));
	}

	@Test
	void retryAfterHoldsWholeChannel() {
		Channel slack = channel("slack", ChannelType.SLACK, "/slack");
		this.receiver.on("/slack", StubResponse.status(429).header("Retry-After", "60"),
				StubResponse.status(200).body("ok"));
		event(account("personal"), "cycle-1", "warning");
		event(account("work"), "cycle-1", "warning");
		enqueue("cycle-1", slack);

		FlushReport report = flusher(slack).flush();

		assertThat(report.retrying()).isEqualTo(1);
		assertThat(report.deferred()).isEqualTo(1);
		assertThat(this.receiver.requests("/slack")).hasSize(1);
		assertThat(outbox()).extracting((row) -> row.get("next_attempt_at"))
			.containsOnly(millisAfterStart(Duration.ofSeconds(60)));
	}

	@Test
	void otherChannelsAreNotPaced() {
		Channel slack = channel("slack", ChannelType.SLACK, "/slack");
		Channel hook = channel("hook", ChannelType.WEBHOOK, "/hook");
		this.receiver.on("/slack", StubResponse.status(200).body("ok"));
		this.receiver.on("/hook", StubResponse.status(200));
		event(account("personal"), "cycle-1", "warning");
		enqueue("cycle-1", slack, hook);

		FlushReport report = flusher(slack, hook).flush();

		assertThat(report.delivered()).isEqualTo(2);
		assertThat(this.pauses).isEmpty();
	}

}
