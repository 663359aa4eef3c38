package dev.usagemonitor.notify;

import java.time.Duration;
import java.time.Instant;
import java.util.function.DoubleSupplier;

/**
 * Schedule of the next attempt after a failed delivery: the delay the receiver requested,
 * otherwise an exponential back-off ({@code initial × 2^(attempts-1)}, capped) with
 * jitter that picks a point in the upper half of that delay, so that channels failing
 * together do not retry in lockstep.
 */
class RetryPolicy {

	private final Duration initialBackoff;

	private final Duration maxBackoff;

	private final DoubleSupplier random;

	/**
	 * Creates a policy.
	 * @param random source of uniform values in [0, 1) for the jitter
	 */
	RetryPolicy(Duration initialBackoff, Duration maxBackoff, DoubleSupplier random) {
		this.initialBackoff = initialBackoff;
		this.maxBackoff = maxBackoff;
		this.random = random;
	}

	/**
	 * Returns the time of the next attempt.
	 * @param now time of the failed attempt
	 * @param attempts number of attempts made so far, at least 1
	 * @param retryAfter delay the receiver requested, or {@code null}
	 */
	Instant nextAttempt(Instant now, int attempts, Duration retryAfter) {
		return now.plus((retryAfter != null) ? retryAfter : backoff(attempts));
	}

	Duration backoff(int attempts) {
		int doublings = Math.min(Math.max(attempts - 1, 0), 30);
		long cap = this.maxBackoff.toMillis();
		long exponential = Math.min(cap, this.initialBackoff.toMillis() * (1L << doublings));
		long jittered = exponential / 2 + Math.round(exponential / 2.0 * this.random.getAsDouble());
		return Duration.ofMillis(Math.min(jittered, cap));
	}

}
