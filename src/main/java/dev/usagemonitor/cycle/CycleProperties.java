package dev.usagemonitor.cycle;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings under {@code monitor.cycle} for the cron entry point {@code POST /}.
 *
 * @param lockWait time a request waits for a running cycle to finish before it fails with
 * 503 (default 5 s)
 * @param retryAfter value of the {@code Retry-After} header sent with a 503 (default 10
 * s, sent in whole seconds)
 * @param replayWindow time during which a redelivered CloudEvent returns the stored
 * summary instead of running a cycle (default 24 h); older deliveries are deleted
 */
@ConfigurationProperties("monitor.cycle")
public record CycleProperties(@DefaultValue("5s") Duration lockWait, @DefaultValue("10s") Duration retryAfter,
		@DefaultValue("24h") Duration replayWindow) {

	/**
	 * Returns {@link #retryAfter()} in whole seconds, at least 1, as the header needs.
	 */
	public long retryAfterSeconds() {
		return Math.max(1, (this.retryAfter.toMillis() + 999) / 1000);
	}

}
