package dev.usagemonitor.notify;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import dev.usagemonitor.notify.NotificationStatusQuery.ChannelStatus;
import dev.usagemonitor.support.StubServer.StubResponse;

import static org.assertj.core.api.Assertions.assertThat;

class NotificationStatusQueryTests extends OutboxTestSupport {

	@Test
	void showsCountsBrokenChannelsAndLastError() {
		Channel slack = channel("slack", ChannelType.SLACK, "/slack");
		Channel hook = channel("hook", ChannelType.WEBHOOK, "/hook");
		this.receiver.on("/slack", StubResponse.status(404).body("no_service"));
		this.receiver.on("/hook", StubResponse.status(200));
		long account = account("personal");
		event(account, "cycle-1", "warning");
		event(account, "cycle-1", "critical", "firing", "quiet-hours");
		enqueue("cycle-1", slack, hook);
		flusher(slack, hook).flush();

		List<ChannelStatus> statuses = new NotificationStatusQuery(this.jdbc, new Channels(List.of(slack, hook)))
			.channels();

		assertThat(statuses).extracting(ChannelStatus::name).containsExactly("slack", "hook");
		ChannelStatus broken = statuses.get(0);
		assertThat(broken.broken()).isTrue();
		assertThat(broken.brokenReason()).isEqualTo("HTTP 404: no_service");
		assertThat(broken.rowsByStatus()).isEqualTo(Map.of("pending", 1L, "suppressed", 1L));
		assertThat(broken.lastError()).isEqualTo("channel broken: HTTP 404: no_service");
		assertThat(broken.lastErrorAt()).isEqualTo(START);
		ChannelStatus working = statuses.get(1);
		assertThat(working.broken()).isFalse();
		assertThat(working.type()).isEqualTo("webhook");
		assertThat(working.rowsByStatus()).isEqualTo(Map.of("delivered", 1L, "suppressed", 1L));
		assertThat(working.lastError()).isNull();
	}

	@Test
	void lastErrorComesFromLatestAttempt() {
		Channel hook = channel("hook", ChannelType.WEBHOOK, "/hook");
		this.receiver.on("/hook", StubResponse.status(503).body("maintenance"));
		long account = account("personal");
		event(account, "cycle-1", "warning");
		enqueue("cycle-1", hook);
		flusher(hook).flush();
		event(account, "cycle-2", "critical");
		enqueue("cycle-2", hook);
		this.clock.advance(Duration.ofHours(25));
		flusher(hook).flush();

		ChannelStatus status = new NotificationStatusQuery(this.jdbc, new Channels(List.of(hook))).channels().get(0);

		assertThat(status.rowsByStatus()).isEqualTo(Map.of("given_up", 2L));
		assertThat(status.lastError()).isEqualTo("not delivered within 24 h; last error: HTTP 503: maintenance");
		assertThat(status.lastErrorAt()).isEqualTo(START);
	}

	@Test
	void listsGivenUpRowsOfRemovedChannel() {
		Channel removed = channel("old", ChannelType.SLACK, "/old");
		event(account("personal"), "cycle-1", "warning");
		enqueue("cycle-1", removed);
		this.clock.advance(Duration.ofMinutes(1));
		Channel hook = channel("hook", ChannelType.WEBHOOK, "/hook");
		flusher(hook).flush();

		List<ChannelStatus> statuses = new NotificationStatusQuery(this.jdbc, new Channels(List.of(hook))).channels();

		assertThat(statuses).extracting(ChannelStatus::name).containsExactly("hook", "old");
		ChannelStatus old = statuses.get(1);
		assertThat(old.configured()).isFalse();
		assertThat(old.rowsByStatus()).isEqualTo(Map.of("given_up", 1L));
		assertThat(old.lastError()).isEqualTo("channel old is no longer configured");
	}

}
