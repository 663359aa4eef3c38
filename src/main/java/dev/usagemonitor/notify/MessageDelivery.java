package dev.usagemonitor.notify;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.core.JacksonException;

import dev.usagemonitor.notify.ChannelStateRepository.ChannelState;
import dev.usagemonitor.notify.OutboxRepository.PendingMessage;

/**
 * Delivers one pending message: waits for the channel's pacing, claims the message,
 * renders and sends it, and stores the outcome. A message is marked delivered only after
 * a 2xx response, so a process killed at any point sends it again later (with the same
 * message id) instead of losing it.
 */
class MessageDelivery {

	private static final Logger logger = LoggerFactory.getLogger(MessageDelivery.class);

	private final OutboxRepository outbox;

	private final ChannelStateRepository channelStates;

	private final Channels channels;

	private final MessageFormats formats;

	private final DeliveryClient client;

	private final Pacing pacing;

	private final RetryPolicy retryPolicy;

	private final URI dashboardUrl;

	private final Clock clock;

	MessageDelivery(OutboxRepository outbox, ChannelStateRepository channelStates, Channels channels,
			MessageFormats formats, DeliveryClient client, Pacing pacing, RetryPolicy retryPolicy, URI dashboardUrl,
			Clock clock) {
		this.outbox = outbox;
		this.channelStates = channelStates;
		this.channels = channels;
		this.formats = formats;
		this.client = client;
		this.pacing = pacing;
		this.retryPolicy = retryPolicy;
		this.dashboardUrl = dashboardUrl;
		this.clock = clock;
	}

	/**
	 * Delivers the message unless its channel is broken or paced, or another flush
	 * claimed it first.
	 */
	FlushReport deliver(PendingMessage message) {
		Channel channel = this.channels.find(message.channel()).orElse(null);
		ChannelState state = this.channelStates.find(message.channel()).orElse(null);
		if (channel == null || state == null || state.isBroken()) {
			return FlushReport.empty();
		}
		if (!this.pacing.awaitTurn(message.messageId(), state)) {
			return new FlushReport(0, 0, 0, 1, 0);
		}
		Instant now = this.clock.instant();
		int attempts = this.outbox.claim(message.messageId(), now, now.plus(this.pacing.claimLease()));
		List<NotifiedEvent> events = (attempts > 0) ? this.outbox.findEvents(message.messageId()) : List.of();
		if (events.isEmpty()) {
			return FlushReport.empty();
		}
		Notification notification = new Notification(message.messageId(), channel.name(),
				this.outbox.findAccountName(message.messageId()), events, this.dashboardUrl);
		return record(channel, notification, attempts, send(channel, notification, now), now);
	}

	private DeliveryOutcome send(Channel channel, Notification notification, Instant now) {
		OutgoingRequest request;
		try {
			request = this.formats.of(channel.type()).format(notification, channel, now);
		}
		catch (JacksonException | IllegalArgumentException ex) {
			logger.error("Could not render notification {} for channel {}", notification.messageId(), channel.name(),
					ex);
			return new DeliveryOutcome.Retryable("could not render the message: " + ex.getClass().getSimpleName(),
					null);
		}
		return this.client.send(channel, request);
	}

	private FlushReport record(Channel channel, Notification notification, int attempts, DeliveryOutcome outcome,
			Instant sentAt) {
		if (outcome instanceof DeliveryOutcome.Delivered delivered) {
			return delivered(channel, notification, attempts, delivered, sentAt);
		}
		if (outcome instanceof DeliveryOutcome.Retryable retryable) {
			return retrying(channel, notification, attempts, retryable, sentAt);
		}
		return rejected(channel, notification, (DeliveryOutcome.Rejected) outcome, sentAt);
	}

	private FlushReport delivered(Channel channel, Notification notification, int attempts,
			DeliveryOutcome.Delivered delivered, Instant sentAt) {
		this.outbox.markDelivered(notification.messageId(), this.clock.instant());
		this.pacing.afterSend(channel, sentAt, delivered.channelPause());
		logger.info("Delivered notification {} ({} events of account {}) to channel {} ({}) on attempt {}",
				notification.messageId(), notification.events().size(), notification.account(), channel.name(),
				channel.redactedUrl(), attempts);
		return new FlushReport(1, 0, 0, 0, 0);
	}

	private FlushReport retrying(Channel channel, Notification notification, int attempts,
			DeliveryOutcome.Retryable retryable, Instant sentAt) {
		Instant next = this.retryPolicy.nextAttempt(this.clock.instant(), attempts, retryable.retryAfter());
		this.outbox.reschedule(notification.messageId(), retryable.error(), next);
		Duration channelPause = (retryable.retryAfter() != null) ? retryable.retryAfter() : Duration.ZERO;
		this.pacing.afterSend(channel, sentAt, channelPause);
		logger.warn("Notification {} to channel {} ({}) failed on attempt {}: {}. Next attempt at {}",
				notification.messageId(), channel.name(), channel.redactedUrl(), attempts, retryable.error(), next);
		return new FlushReport(0, 1, 0, 0, 0);
	}

	private FlushReport rejected(Channel channel, Notification notification, DeliveryOutcome.Rejected rejected,
			Instant sentAt) {
		this.channelStates.markBroken(channel.name(), rejected.error(), sentAt);
		this.outbox.reschedule(notification.messageId(), "channel broken: " + rejected.error(), sentAt);
		logger.warn(
				"Channel {} ({}) rejected notification {}: {}. The channel is marked broken and gets no"
						+ " messages until its configuration changes",
				channel.name(), channel.redactedUrl(), notification.messageId(), rejected.error());
		return new FlushReport(0, 0, 1, 0, 0);
	}

}
