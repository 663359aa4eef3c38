package dev.usagemonitor.query;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/**
 * The result of {@code queryUsage}: the latest windows of every account with projections,
 * their history, alerts and the notification state. Times are UTC instants; {@code zone}
 * is the viewer's zone that the dashboard renders them in.
 *
 * @param generatedAt when the report was built
 * @param range code of the history range
 * @param zone the viewer's time zone id
 * @param accounts one entry per account, ordered by name
 * @param notifications outbox state and broken channels over all accounts
 */
public record UsageReport(Instant generatedAt, String range, String zone, List<AccountUsage> accounts,
		NotificationState notifications) {

	/**
	 * One account.
	 *
	 * @param name account name
	 * @param source configured source
	 * @param lastScrape the latest collection attempt, or {@code null} before the first
	 * @param lastSuccessAt end of the latest successful collection, or {@code null}
	 * @param windows the latest observation of every window, ordered by id
	 * @param history chart series of the requested range
	 * @param alerts firing alerts first (newest first), then those resolved in the last 7
	 * days (most recently resolved first)
	 */
	public record AccountUsage(String name, String source, LastScrape lastScrape, Instant lastSuccessAt,
			List<WindowUsage> windows, History history, List<AlertEntry> alerts) {
	}

	/**
	 * The latest collection attempt.
	 *
	 * @param at when it finished
	 * @param status status code, for example {@code ok} or {@code session_expired}
	 * @param message one line telling the operator what happened and what to do
	 */
	public record LastScrape(Instant at, String status, String message) {
	}

	/**
	 * The latest observation of one window and what it projects.
	 *
	 * @param id window id
	 * @param kind {@code session}, {@code weekly}, {@code weekly_scoped}, {@code spend}
	 * or {@code other}
	 * @param label human-readable name
	 * @param utilization percentage as reported (may exceed 100), {@code null} when
	 * unknown
	 * @param resetsAt end of the current window instance, {@code null} when not started
	 * @param observedAt when it was observed
	 * @param source {@code claude-web}, {@code oauth} or {@code statusline}
	 * @param ageSeconds seconds between the observation and the report
	 * @param stale whether the observation is older than the staleness limit
	 * @param notStarted whether the window has a value but no reset instant yet
	 * @param spend money spent, for spend windows only
	 * @param burnRatePerHour utilization points gained per hour over the last hour of the
	 * current instance, {@code null} without two observations 15 minutes apart
	 * @param projectedUtilizationAtReset utilization expected at the reset at this pace
	 * @param projectedExhaustionAt when 100 % is reached at this pace, {@code null} when
	 * the window lasts until its reset or no projection is possible
	 */
	public record WindowUsage(String id, String kind, String label, Double utilization, Instant resetsAt,
			Instant observedAt, String source, long ageSeconds, boolean stale, boolean notStarted, SpendAmount spend,
			Double burnRatePerHour, Double projectedUtilizationAtReset, Instant projectedExhaustionAt) {
	}

	/**
	 * Money spent in major units.
	 *
	 * @param used amount spent
	 * @param cap spending cap, {@code null} when there is none
	 * @param currency ISO 4217 code, {@code null} when the source names none
	 */
	public record SpendAmount(BigDecimal used, BigDecimal cap, String currency) {
	}

	/**
	 * Chart data of one range.
	 *
	 * @param from start of the first bucket
	 * @param to end of the range (the report time)
	 * @param bucketSeconds width of one bucket
	 * @param series one series per window with data in the range
	 */
	public record History(Instant from, Instant to, long bucketSeconds, List<Series> series) {
	}

	/**
	 * The history of one window.
	 *
	 * @param windowId window id
	 * @param label human-readable name
	 * @param buckets buckets with at least one observation, oldest first
	 * @param resets ends of window instances that fall in the range
	 */
	public record Series(String windowId, String label, List<Bucket> buckets, List<Instant> resets) {
	}

	/**
	 * The observations of one bucket; values are {@code null} when all were unknown.
	 *
	 * @param start start of the bucket
	 * @param min lowest utilization
	 * @param max highest utilization
	 * @param last utilization of the newest observation
	 */
	public record Bucket(Instant start, Double min, Double max, Double last) {
	}

	/**
	 * An alert.
	 *
	 * @param type alert type, for example {@code threshold} or {@code collection_failing}
	 * @param level level, for example {@code warning} or {@code critical}
	 * @param window window id, empty for account-level alerts
	 * @param state {@code firing} or {@code resolved}
	 * @param startedAt when it fired
	 * @param resolvedAt when it resolved, {@code null} while firing
	 * @param value utilization that fired it, if any
	 * @param message one line describing it
	 */
	public record AlertEntry(String type, String level, String window, String state, Instant startedAt,
			Instant resolvedAt, Double value, String message) {
	}

	/**
	 * Delivery state of notifications.
	 *
	 * @param outbox number of outbox rows per status
	 * @param oldestPendingAt creation time of the oldest pending row, {@code null} when
	 * none is pending
	 * @param brokenChannels channels that stopped sending until their configuration
	 * changes
	 */
	public record NotificationState(OutboxCounts outbox, Instant oldestPendingAt, List<BrokenChannel> brokenChannels) {
	}

	/**
	 * Outbox rows by status.
	 *
	 * @param pending waiting to be sent or retried
	 * @param delivered sent
	 * @param givenUp dropped after the retry age limit
	 * @param suppressed held by a silence or quiet hours
	 */
	public record OutboxCounts(long pending, long delivered, long givenUp, long suppressed) {
	}

	/**
	 * A channel marked broken by a permanent delivery failure.
	 *
	 * @param name channel name
	 * @param type channel type
	 * @param brokenAt when it broke
	 * @param reason the receiver's error text
	 */
	public record BrokenChannel(String name, String type, Instant brokenAt, String reason) {
	}

}
