package dev.usagemonitor.collect;

import java.time.Duration;
import java.time.Instant;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Back-off after an account was rate-limited, under {@code monitor.backoff}. The wait
 * doubles with every rate-limited response in a row, from {@code initial} up to
 * {@code max}; a later {@code Retry-After} from the server wins.
 *
 * @param initial wait after the first rate-limited response (default 15 minutes)
 * @param max longest wait computed by doubling (default 6 hours, as the usage endpoint
 * has been reported to keep rejecting a token for hours)
 */
@ConfigurationProperties("monitor.backoff")
public record BackoffProperties(@DefaultValue("15m") Duration initial, @DefaultValue("6h") Duration max) {

	/**
	 * Returns the back-off after one more rate-limited response.
	 * @param failuresBefore rate-limited responses in a row before this one
	 * @param retryAfter instant the server asked to wait for, or {@code null}
	 * @param now current instant
	 */
	public BackoffRepository.Backoff next(int failuresBefore, Instant retryAfter, Instant now) {
		int failures = failuresBefore + 1;
		Duration delay = this.initial.multipliedBy(1L << Math.min(failures - 1, 20));
		if (delay.compareTo(this.max) > 0) {
			delay = this.max;
		}
		Instant until = now.plus(delay);
		if (retryAfter != null && retryAfter.isAfter(until)) {
			until = retryAfter;
		}
		return new BackoffRepository.Backoff(failures, until);
	}

}
