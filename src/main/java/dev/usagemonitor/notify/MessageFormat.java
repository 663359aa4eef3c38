package dev.usagemonitor.notify;

import java.time.Instant;

/**
 * Renders a notification as the request one service expects.
 */
interface MessageFormat {

	/**
	 * Returns the request for one delivery attempt.
	 * @param notification the message to send
	 * @param channel the target channel
	 * @param attemptAt time of the attempt (signed by generic webhooks)
	 */
	OutgoingRequest format(Notification notification, Channel channel, Instant attemptAt);

}
