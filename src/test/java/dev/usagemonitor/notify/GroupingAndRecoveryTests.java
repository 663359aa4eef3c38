package dev.usagemonitor.notify;

import java.net.http.HttpClient;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import dev.usagemonitor.support.StubServer.RecordedRequest;
import dev.usagemonitor.support.StubServer.StubResponse;

import static org.assertj.core.api.Assertions.assertThat;

class GroupingAndRecoveryTests extends OutboxTestSupport {

	@Test
	void cycleAccountEventsShareMessage() {
		Channel hook = channel("hook", ChannelType.WEBHOOK, "/hook");
		this.receiver.on("/hook", StubResponse.status(200));
		long personal = account("personal");
		long first = event(personal, "cycle-1", "warning");
		long second = event(personal, "cycle-1", "critical");
		long third = event(personal, "cycle-1", "exhausted");
		long work = event(account("work"), "cycle-1", "warning");
		long later = event(personal, "cycle-2", "critical");
		enqueue("cycle-1", hook);
		enqueue("cycle-2", hook);

		FlushReport report = flusher(hook).flush();

		assertThat(report.delivered()).isEqualTo(3);
		List<JsonNode> bodies = this.receiver.requests("/hook")
			.stream()
			.map((request) -> this.json.readTree(request.body()))
			.toList();
		assertThat(bodies).extracting(this::eventIds)
			.containsExactlyInAnyOrder(List.of(first, second, third), List.of(work), List.of(later));
		assertThat(this.receiver.requests("/hook")).extracting((request) -> request.header("webhook-id"))
			.doesNotHaveDuplicates();
	}

	@Test
	void processStoppedBetweenEnqueueAndSendDeliversOnce() {
		Channel hook = channel("hook", ChannelType.WEBHOOK, "/dedupe");
		this.receiver.on("/dedupe", StubResponse.status(200));
		long event = event(account("personal"), "cycle-1", "critical");
		enqueue("cycle-1", hook);

		FlushReport afterRestart = flusher(hook).flush();
		FlushReport nextProcess = flusher(hook).flush();

		assertThat(afterRestart.delivered()).isEqualTo(1);
		assertThat(nextProcess).isEqualTo(FlushReport.empty());
		assertThat(outboxRow(event).get("status")).isEqualTo("delivered");
		assertThat(deliveredIds("/dedupe")).hasSize(1);
		assertThat(this.receiver.requests("/dedupe")).hasSize(1);
	}

	@Test
	void processStoppedAfterSendResendsSameIdOnce() {
		Channel hook = channel("hook", ChannelType.WEBHOOK, "/dedupe");
		this.receiver.on("/dedupe", StubResponse.status(200));
		long event = event(account("personal"), "cycle-1", "critical");
		enqueue("cycle-1", hook);
		String messageId = (String) outboxRow(event).get("message_id");
		assertThat(claimAndSendWithoutRecording(hook, messageId)).isInstanceOf(DeliveryOutcome.Delivered.class);

		FlushNotifications restarted = flusher(hook);
		FlushReport duringLease = restarted.flush();
		this.clock.advance(Duration.ofMinutes(2));
		FlushReport afterLease = restarted.flush();

		assertThat(duringLease).isEqualTo(FlushReport.empty());
		assertThat(afterLease.delivered()).isEqualTo(1);
		assertThat(outboxRow(event).get("status")).isEqualTo("delivered");
		assertThat(outboxRow(event).get("attempts")).isEqualTo(2);
		assertThat(this.receiver.requests("/dedupe")).hasSize(2);
		assertThat(deliveredIds("/dedupe")).containsExactly(messageId);
	}

	@Test
	void concurrentFlushesSendOnce() {
		Channel hook = channel("hook", ChannelType.WEBHOOK, "/slow");
		this.receiver.on("/slow", StubResponse.status(200).delayed(Duration.ofMillis(300)));
		event(account("personal"), "cycle-1", "critical");
		enqueue("cycle-1", hook);
		FlushNotifications first = flusher(hook);
		FlushNotifications second = flusher(hook);

		CompletableFuture<FlushReport> firstRun = CompletableFuture.supplyAsync(first::flush);
		CompletableFuture<FlushReport> secondRun = CompletableFuture.supplyAsync(second::flush);

		assertThat(firstRun.join().delivered() + secondRun.join().delivered()).isEqualTo(1);
		assertThat(this.receiver.requests("/slow")).hasSize(1);
	}

	@Test
	void messageBeingSentIsNotGivenUp() {
		Channel hook = channel("hook", ChannelType.WEBHOOK, "/hook");
		long event = event(account("personal"), "cycle-1", "critical");
		enqueue("cycle-1", hook);
		String messageId = (String) outboxRow(event).get("message_id");
		this.clock.advance(Duration.ofHours(25));
		new OutboxRepository(this.jdbc).claim(messageId, this.clock.instant(),
				this.clock.instant().plus(Duration.ofSeconds(64)));

		FlushReport whileClaimed = flusher(hook).flush();
		this.clock.advance(Duration.ofSeconds(65));
		FlushReport afterClaim = flusher(hook).flush();

		assertThat(whileClaimed.givenUp()).isZero();
		assertThat(afterClaim.givenUp()).isEqualTo(1);
		assertThat(outboxRow(event).get("status")).isEqualTo("given_up");
	}

	@Test
	void unconfiguredChannelMessagesAreGivenUp() {
		Channel removed = channel("old-slack", ChannelType.SLACK, "/old");
		long event = event(account("personal"), "cycle-1", "critical");
		enqueue("cycle-1", removed);

		FlushReport report = flusher(channel("hook", ChannelType.WEBHOOK, "/hook")).flush();

		assertThat(report.givenUp()).isEqualTo(1);
		assertThat(outboxRow(event).get("status")).isEqualTo("given_up");
		assertThat(outboxRow(event).get("last_error")).isEqualTo("channel old-slack is no longer configured");
		assertThat(this.receiver.requests()).isEmpty();
	}

	/**
	 * Claims and sends a message as a flush does, then stops without recording the
	 * outcome, like a process killed right after the receiver responded.
	 */
	private DeliveryOutcome claimAndSendWithoutRecording(Channel channel, String messageId) {
		OutboxRepository outbox = new OutboxRepository(this.jdbc);
		outbox.claim(messageId, this.clock.instant(), this.clock.instant().plus(Duration.ofSeconds(64)));
		Notification notification = new Notification(messageId, channel.name(), "personal",
				outbox.findEvents(messageId), null);
		OutgoingRequest request = new WebhookFormat(this.json).format(notification, channel, this.clock.instant());
		DeliveryClient client = new DeliveryClient(HttpClient.newHttpClient(), Duration.ofSeconds(2),
				new ResponseClassifier(this.json), this.clock);
		return client.send(channel, request);
	}

	/**
	 * Returns the ids a receiver that drops repeated {@code webhook-id}s would process.
	 */
	private Set<String> deliveredIds(String path) {
		return this.receiver.requests(path)
			.stream()
			.map((RecordedRequest request) -> request.header("webhook-id"))
			.collect(Collectors.toSet());
	}

	private List<Long> eventIds(JsonNode body) {
		return body.path("data").path("events").valueStream().map((event) -> event.path("id").asLong()).toList();
	}

}
