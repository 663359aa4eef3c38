package dev.usagemonitor.notify;

/**
 * Counts of what one flush of the notification outbox did, in messages. One message
 * carries the events of one cycle and account to one channel.
 *
 * @param delivered messages a receiver accepted
 * @param retrying messages that failed and wait for a later attempt
 * @param rejected messages a receiver rejected for good; their channels are now broken
 * @param deferred messages held back by channel pacing until a later flush
 * @param givenUp messages given up because they were not delivered within the maximum age
 * or their channel is no longer configured
 */
public record FlushReport(int delivered, int retrying, int rejected, int deferred, int givenUp) {

	static FlushReport empty() {
		return new FlushReport(0, 0, 0, 0, 0);
	}

	FlushReport plus(FlushReport other) {
		return new FlushReport(this.delivered + other.delivered, this.retrying + other.retrying,
				this.rejected + other.rejected, this.deferred + other.deferred, this.givenUp + other.givenUp);
	}

}
