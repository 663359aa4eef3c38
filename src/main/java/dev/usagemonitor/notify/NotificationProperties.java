package dev.usagemonitor.notify;

import java.net.URI;
import java.time.Duration;
import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Notification settings under {@code monitor}: the channels alerts are sent to, how
 * delivery retries, and the public dashboard address that messages link to.
 *
 * @param channels the configured channels ({@code monitor.channels[N]}); empty means no
 * notification is sent
 * @param notifications delivery timing ({@code monitor.notifications})
 * @param dashboard the dashboard address used in links ({@code monitor.dashboard})
 */
@ConfigurationProperties("monitor")
public record NotificationProperties(@DefaultValue List<ChannelProperties> channels,
		@DefaultValue Delivery notifications, @DefaultValue Dashboard dashboard) {

	/**
	 * Delivery timing of the notification outbox.
	 *
	 * @param maxAge age after which an undelivered notification is given up and recorded
	 * as lost (default 24 h)
	 * @param initialBackoff delay before the first retry of a failed delivery without a
	 * {@code Retry-After}; it doubles with each further failure (default 1 min)
	 * @param maxBackoff upper bound of the exponential back-off (default 1 h)
	 * @param batchSize maximum number of messages one flush sends (default 50)
	 * @param maxPacingWait longest time a flush waits for a channel's pacing interval. A
	 * message that would wait longer stays queued for the next flush (default 2 s)
	 */
	public record Delivery(@DefaultValue("24h") Duration maxAge, @DefaultValue("1m") Duration initialBackoff,
			@DefaultValue("1h") Duration maxBackoff, @DefaultValue("50") int batchSize,
			@DefaultValue("2s") Duration maxPacingWait) {
	}

	/**
	 * The dashboard as people reach it.
	 *
	 * @param publicUrl address of the dashboard that messages link to; no link when unset
	 */
	public record Dashboard(URI publicUrl) {
	}

}
