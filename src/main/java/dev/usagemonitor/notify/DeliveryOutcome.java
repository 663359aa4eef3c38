package dev.usagemonitor.notify;

import java.time.Duration;

/**
 * Result of one delivery attempt, classified from the receiver's response. Error texts
 * never contain the channel's URL, secret or token.
 */
sealed interface DeliveryOutcome {

	/**
	 * A 2xx response: the message is delivered.
	 *
	 * @param status HTTP status
	 * @param channelPause time the receiver requested before the next message (from its
	 * rate-limit headers), zero when it requested none
	 */
	record Delivered(int status, Duration channelPause) implements DeliveryOutcome {
	}

	/**
	 * A failure worth retrying: 429, 5xx, other unexpected statuses, timeouts and
	 * connection failures.
	 *
	 * @param error what failed, for the outbox row and the log
	 * @param retryAfter delay the receiver requested ({@code Retry-After} or Discord's
	 * {@code retry_after}), or {@code null} to use the back-off
	 */
	record Retryable(String error, Duration retryAfter) implements DeliveryOutcome {
	}

	/**
	 * A permanent failure: the receiver rejected the payload (400, 413) or the channel is
	 * gone or not allowed (401, 403, 404, 410). The channel is marked broken.
	 *
	 * @param status HTTP status
	 * @param error the receiver's error text
	 */
	record Rejected(int status, String error) implements DeliveryOutcome {
	}

}
