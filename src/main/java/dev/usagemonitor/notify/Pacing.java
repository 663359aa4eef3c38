package dev.usagemonitor.notify;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.usagemonitor.notify.ChannelStateRepository.ChannelState;

/**
 * Spaces messages to one channel by its minimum interval and by the waits its receiver
 * requested. A wait up to {@code maxWait} is slept through, and a longer one defers the
 * message to a later flush.
 */
class Pacing {

	private static final Logger logger = LoggerFactory.getLogger(Pacing.class);

	private final OutboxRepository outbox;

	private final ChannelStateRepository channelStates;

	private final Duration maxWait;

	private final Duration claimLease;

	private final Pause pause;

	private final Clock clock;

	/**
	 * Creates the pacing.
	 * @param maxWait longest wait slept through in a flush
	 * @param claimLease how long a claimed message stays hidden from other flushes;
	 * longer than one attempt can take
	 */
	Pacing(OutboxRepository outbox, ChannelStateRepository channelStates, Duration maxWait, Duration claimLease,
			Pause pause, Clock clock) {
		this.outbox = outbox;
		this.channelStates = channelStates;
		this.maxWait = maxWait;
		this.claimLease = claimLease;
		this.pause = pause;
		this.clock = clock;
	}

	Duration claimLease() {
		return this.claimLease;
	}

	/**
	 * Waits until the channel may receive the next message.
	 * @return {@code false} when the wait is too long and the message was deferred
	 */
	boolean awaitTurn(String messageId, ChannelState state) {
		Duration wait = Duration.between(this.clock.instant(), state.nextSendAt());
		if (wait.isNegative() || wait.isZero()) {
			return true;
		}
		if (wait.compareTo(this.maxWait) > 0) {
			this.outbox.defer(messageId, state.nextSendAt());
			logger.debug("Deferred notification {} for channel {} until {}", messageId, state.name(),
					state.nextSendAt());
			return false;
		}
		try {
			this.pause.pause(wait);
			return true;
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return false;
		}
	}

	/**
	 * Records a send: the next message to the channel waits for its minimum interval or
	 * for the pause the receiver requested, whichever is longer.
	 */
	void afterSend(Channel channel, Instant sentAt, Duration receiverPause) {
		Duration interval = (receiverPause.compareTo(channel.minInterval()) > 0) ? receiverPause
				: channel.minInterval();
		if (!interval.isZero()) {
			this.channelStates.pauseUntil(channel.name(), sentAt.plus(interval));
		}
	}

}
