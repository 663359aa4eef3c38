package dev.usagemonitor.notify;

import java.net.URI;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;

import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

class OutboxEnqueueTests extends OutboxTestSupport {

	@Test
	void oneRowPerEventAndChannel() {
		long account = account("personal");
		long first = event(account, "cycle-1", "warning");
		long second = event(account, "cycle-1", "critical");

		int inserted = enqueue("cycle-1", channel("slack", ChannelType.SLACK, "/s"),
				channel("hook", ChannelType.WEBHOOK, "/h"));

		assertThat(inserted).isEqualTo(4);
		List<Map<String, Object>> rows = outbox();
		assertThat(rows).extracting((row) -> row.get("event_id") + "@" + row.get("channel"))
			.containsExactlyInAnyOrder(first + "@slack", second + "@slack", first + "@hook", second + "@hook");
		assertThat(rows).allSatisfy((row) -> {
			assertThat(row.get("status")).isEqualTo("pending");
			assertThat(row.get("cycle_id")).isEqualTo("cycle-1");
			assertThat(row.get("attempts")).isEqualTo(0);
			assertThat(row.get("next_attempt_at")).isEqualTo(START.toEpochMilli());
			assertThat(row.get("created_at")).isEqualTo(START.toEpochMilli());
			assertThat((String) row.get("message_id")).matches("msg_[0-9a-f]{32}");
		});
	}

	@Test
	void accountEventsShareMessageId() {
		long personal = account("personal");
		long work = account("work");
		event(personal, "cycle-1", "warning");
		event(personal, "cycle-1", "critical");
		event(work, "cycle-1", "warning");

		enqueue("cycle-1", channel("slack", ChannelType.SLACK, "/s"), channel("hook", ChannelType.WEBHOOK, "/h"));

		Map<String, Long> idsPerGroup = countBy("account_id || '/' || channel || '/' || message_id");
		assertThat(idsPerGroup).hasSize(4);
		assertThat(idsPerGroup.values()).containsExactlyInAnyOrder(2L, 2L, 1L, 1L);
	}

	@Test
	void minSeverityFiltersEvents() {
		long account = account("personal");
		event(account, "cycle-1", "info");
		event(account, "cycle-1", "warning");
		long critical = event(account, "cycle-1", "critical");
		long exhausted = event(account, "cycle-1", "exhausted");
		Channel urgentOnly = new Channel("pager", ChannelType.NTFY, URI.create("http://127.0.0.1/pager"), null, null,
				Severity.CRITICAL, Set.of(), Duration.ZERO);

		enqueue("cycle-1", urgentOnly);

		assertThat(outboxEventIds()).containsExactlyInAnyOrder(critical, exhausted);
	}

	@Test
	void resolvedEventPassesFilterOfItsLevel() {
		long resolved = event(account("personal"), "cycle-1", "critical", "resolved", null);
		Channel urgentOnly = new Channel("pager", ChannelType.NTFY, URI.create("http://127.0.0.1/pager"), null, null,
				Severity.CRITICAL, Set.of(), Duration.ZERO);

		enqueue("cycle-1", urgentOnly);

		assertThat(outboxEventIds()).containsExactly(resolved);
	}

	@Test
	void accountsFilterEvents() {
		long work = event(account("work"), "cycle-1", "warning");
		event(account("personal"), "cycle-1", "warning");
		Channel workOnly = new Channel("team", ChannelType.SLACK, URI.create("http://127.0.0.1/team"), null, null,
				Severity.INFO, Set.of("work"), Duration.ZERO);

		enqueue("cycle-1", workOnly);

		assertThat(outboxEventIds()).containsExactly(work);
	}

	@Test
	void suppressedEventIsRecordedButNeverSent() {
		long suppressed = event(account("personal"), "cycle-1", "warning", "firing", "quiet-hours");
		Channel hook = channel("hook", ChannelType.WEBHOOK, "/hook");

		enqueue("cycle-1", hook);
		FlushReport report = flusher(hook).flush();

		Map<String, Object> row = outboxRow(suppressed);
		assertThat(row.get("status")).isEqualTo("suppressed");
		assertThat(row.get("message_id")).isNull();
		assertThat(report).isEqualTo(FlushReport.empty());
		assertThat(this.receiver.requests()).isEmpty();
	}

	@Test
	void enqueueAgainAddsNothing() {
		event(account("personal"), "cycle-1", "warning");
		Channel hook = channel("hook", ChannelType.WEBHOOK, "/hook");
		enqueue("cycle-1", hook);

		assertThat(enqueue("cycle-1", hook)).isZero();
		assertThat(outbox()).hasSize(1);
	}

	@Test
	void otherCyclesAreLeftAlone() {
		long account = account("personal");
		event(account, "cycle-1", "warning");
		long current = event(account, "cycle-2", "warning");

		enqueue("cycle-2", channel("hook", ChannelType.WEBHOOK, "/hook"));

		assertThat(outboxEventIds()).containsExactly(current);
	}

	@Test
	void enqueueOutsideTransactionFails() {
		event(account("personal"), "cycle-1", "warning");
		NotificationOutbox outbox = new NotificationOutbox(this.jdbc,
				new Channels(List.of(channel("hook", ChannelType.WEBHOOK, "/hook"))), this.clock);

		assertThatIllegalStateException().isThrownBy(() -> outbox.enqueue("cycle-1"))
			.withMessage("NotificationOutbox.enqueue(cycle-1) must run inside the transaction that wrote the alert"
					+ " events");
		assertThat(outbox()).isEmpty();
	}

	@Test
	void rolledBackTransactionLeavesNoRows() {
		NotificationOutbox outbox = new NotificationOutbox(this.jdbc,
				new Channels(List.of(channel("hook", ChannelType.WEBHOOK, "/hook"))), this.clock);

		new TransactionTemplate(this.transactionManager).executeWithoutResult((status) -> {
			event(account("personal"), "cycle-1", "warning");
			assertThat(outbox.enqueue("cycle-1")).isEqualTo(1);
			status.setRollbackOnly();
		});

		assertThat(outbox()).isEmpty();
		assertThat(this.jdbc.sql("SELECT COUNT(*) FROM alert_events").query(Long.class).single()).isZero();
	}

	private List<Long> outboxEventIds() {
		return this.jdbc.sql("SELECT event_id FROM notification_outbox ORDER BY id").query(Long.class).list();
	}

	private Map<String, Long> countBy(String expression) {
		Map<String, Long> counts = new HashMap<>();
		this.jdbc.sql("SELECT " + expression + " AS k, COUNT(*) AS n FROM notification_outbox GROUP BY k")
			.query((rs, row) -> counts.put(rs.getString("k"), rs.getLong("n")))
			.list();
		return counts;
	}

}
