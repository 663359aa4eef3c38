package dev.usagemonitor.notify;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.usagemonitor.notify.ChannelStateRepository.ChannelState;
import dev.usagemonitor.notify.OutboxRepository.PendingMessage;

/**
 * Sends the pending notifications of the outbox. Call it after the transaction that
 * enqueued them has committed. Each run stores the channel configuration (a changed one
 * clears a broken state), gives up messages older than the maximum age or addressed to a
 * channel that is no longer configured, then sends the due messages oldest first. A
 * message another flush is sending is never given up while its claim lasts.
 */
public class FlushNotifications {

	private static final Logger logger = LoggerFactory.getLogger(FlushNotifications.class);

	private final OutboxRepository outbox;

	private final ChannelStateRepository channelStates;

	private final Channels channels;

	private final MessageDelivery delivery;

	private final NotificationProperties.Delivery settings;

	private final Duration claimLease;

	private final Clock clock;

	FlushNotifications(OutboxRepository outbox, ChannelStateRepository channelStates, Channels channels,
			MessageDelivery delivery, NotificationProperties.Delivery settings, Duration claimLease, Clock clock) {
		this.outbox = outbox;
		this.channelStates = channelStates;
		this.channels = channels;
		this.delivery = delivery;
		this.settings = settings;
		this.claimLease = claimLease;
		this.clock = clock;
	}

	/**
	 * Sends up to {@code monitor.notifications.batch-size} due messages and returns what
	 * happened. Failed messages stay in the outbox for a later flush.
	 */
	public FlushReport flush() {
		Instant now = this.clock.instant();
		this.channels.all().forEach((channel) -> syncChannel(channel, now));
		FlushReport report = giveUpStale(now);
		for (PendingMessage message : this.outbox.findDue(now, this.settings.batchSize())) {
			report = report.plus(this.delivery.deliver(message));
		}
		if (!report.equals(FlushReport.empty())) {
			logger.info(
					"Flushed the notification outbox: {} delivered, {} retrying, {} rejected, {} deferred,"
							+ " {} given up",
					report.delivered(), report.retrying(), report.rejected(), report.deferred(), report.givenUp());
		}
		return report;
	}

	private void syncChannel(Channel channel, Instant now) {
		Optional<ChannelState> before = this.channelStates.sync(channel, now);
		boolean changed = before.isPresent() && !before.get().fingerprint().equals(channel.fingerprint());
		if (changed && before.get().isBroken()) {
			logger.info("Channel {} ({}) has a new configuration, so its broken state is cleared (it was: {})",
					channel.name(), channel.redactedUrl(), before.get().brokenReason());
		}
	}

	private FlushReport giveUpStale(Instant now) {
		Instant oldestKept = now.minus(this.settings.maxAge());
		Instant claimsEndedBefore = now.minus(this.claimLease);
		int givenUp = 0;
		for (PendingMessage message : this.outbox.findPending()) {
			String reason = staleReason(message, oldestKept);
			if (reason != null && this.outbox.giveUp(message.messageId(), reason, now, claimsEndedBefore)) {
				logger.warn("Gave up notification {} for channel {}: {}", message.messageId(), message.channel(),
						reason);
				givenUp++;
			}
		}
		return new FlushReport(0, 0, 0, 0, givenUp);
	}

	private String staleReason(PendingMessage message, Instant oldestKept) {
		if (this.channels.find(message.channel()).isEmpty()) {
			return "channel " + message.channel() + " is no longer configured";
		}
		if (message.createdAt().isBefore(oldestKept)) {
			String lastError = (message.lastError() != null) ? message.lastError() : "no attempt was made";
			return "not delivered within " + describe(this.settings.maxAge()) + "; last error: " + lastError;
		}
		return null;
	}

	private static String describe(Duration duration) {
		long seconds = duration.toSeconds();
		if (seconds % 3600 == 0) {
			return (seconds / 3600) + " h";
		}
		return (seconds % 60 == 0) ? (seconds / 60) + " min" : seconds + " s";
	}

}
