package dev.usagemonitor.query;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;

import dev.usagemonitor.collect.CollectionStatus;
import dev.usagemonitor.collect.Spend;
import dev.usagemonitor.collect.UsageWindow;
import dev.usagemonitor.collect.WindowKind;

import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;

/**
 * A seeded monitor at {@link #NOW}: account {@code personal} collected two minutes ago
 * with a climbing session window, a weekly window heading for 100 % before its reset, an
 * unknown window, a not-started window whose label contains markup and a spend window,
 * plus a year of hourly history; account {@code work} whose collection fails and whose
 * data is three hours old; alerts, outbox rows and a broken channel.
 */
public final class UsageScenario {

	public static final Instant NOW = Instant.parse("2026-12-04T12:00:00Z");

	public static final String MARKUP_LABEL = "Weekly <b>Fable</b> & <script>alert(1)</script>";

	public static final String FAILURE_MESSAGE = "OAuth refresh token rejected (invalid_grant): sign in again and "
			+ "update the secret";

	private UsageScenario() {
	}

	public static void seed(UsageSeeder seed) {
		seedPersonal(seed);
		seedWork(seed);
		seedNotifications(seed);
	}

	private static void seedPersonal(UsageSeeder seed) {
		long personal = seed.account("personal", "claude-web");
		seedHourlyHistory(seed, personal);
		Instant first = NOW.minus(Duration.ofMinutes(122));
		for (int i = 0; i <= 24; i++) {
			Instant at = first.plus(Duration.ofMinutes(5L * i));
			long run = seed.run(personal, at, CollectionStatus.OK, "Collected 5 windows");
			seed.observe(personal, run, at,
					window("five_hour", WindowKind.SESSION, "Session (5 hours)", 30.0 + i,
							NOW.plus(Duration.ofHours(2))),
					window("seven_day", WindowKind.WEEKLY, "Weekly (all models)", 79 + 0.5 * i,
							NOW.plus(Duration.ofDays(3))),
					window("seven_day_opus", WindowKind.WEEKLY_SCOPED, "Weekly (Opus)", null, null),
					window("weekly_scoped:fable", WindowKind.WEEKLY_SCOPED, MARKUP_LABEL, 0.0, null),
					new UsageWindow("extra_usage", WindowKind.SPEND, "Extra usage", null, null,
							new Spend(1234, null, "USD", 2)));
		}
		long weekly = seed.alert(personal, "seven_day", "threshold", "critical", NOW.minus(Duration.ofMinutes(30)),
				null, 91.0, "personal: weekly limit (all models) at 91 % - resets Mon 12:00 UTC");
		seed.alert(personal, "five_hour", "threshold", "warning", NOW.minus(Duration.ofDays(1).plusHours(3)),
				NOW.minus(Duration.ofDays(1)), 72.0, "personal: session limit at 72 %");
		seed.alert(personal, "five_hour", "threshold", "warning", NOW.minus(Duration.ofDays(9).plusHours(3)),
				NOW.minus(Duration.ofDays(9)), 75.0, "personal: old resolved alert");
		long event = seed.event(weekly, personal, NOW.minus(Duration.ofMinutes(30)));
		seed.outbox(event, personal, "team-slack", "delivered", NOW.minus(Duration.ofMinutes(30)));
		seed.outbox(event, personal, "phone", "pending", NOW.minus(Duration.ofMinutes(29)));
		seed.outbox(event, personal, "old-hook", "given_up", NOW.minus(Duration.ofMinutes(28)));
	}

	/**
	 * Stores one observation an hour for 400 days: a session window that fills up within
	 * each 5-hour instance and a weekly window that climbs through each week.
	 */
	private static void seedHourlyHistory(UsageSeeder seed, long accountId) {
		long hour = Duration.ofHours(1).toMillis();
		long start = NOW.minus(Duration.ofDays(400)).toEpochMilli() / hour * hour;
		for (long t = start; t < NOW.minus(Duration.ofMinutes(125)).toEpochMilli(); t += hour) {
			seed.observe(accountId, null, Instant.ofEpochMilli(t), sessionAt(t), weeklyAt(t));
		}
	}

	private static UsageWindow sessionAt(long t) {
		long length = Duration.ofHours(5).toMillis();
		return window("five_hour", WindowKind.SESSION, "Session (5 hours)", sessionValue(t),
				Instant.ofEpochMilli(t - t % length + length));
	}

	/**
	 * Returns the hourly session utilization seeded at {@code t} (epoch milliseconds).
	 */
	static double sessionValue(long t) {
		long hoursInto = (t % Duration.ofHours(5).toMillis()) / Duration.ofHours(1).toMillis();
		long day = t / Duration.ofDays(1).toMillis();
		int hourOfDay = Instant.ofEpochMilli(t).atZone(ZoneOffset.UTC).getHour();
		double pace = (hourOfDay < 7) ? 2 : 8 + (day * 37 % 17);
		return Math.min(100, pace * (hoursInto + 1));
	}

	private static UsageWindow weeklyAt(long t) {
		long length = Duration.ofDays(7).toMillis();
		double into = (double) (t % length) / length;
		return window("seven_day", WindowKind.WEEKLY, "Weekly (all models)", Math.round(into * 950) / 10.0,
				Instant.ofEpochMilli(t - t % length + length));
	}

	private static void seedWork(UsageSeeder seed) {
		long work = seed.account("work", "oauth");
		Instant collected = NOW.minus(Duration.ofHours(3));
		long run = seed.run(work, collected, CollectionStatus.OK, "Collected 2 windows");
		seed.observe(work, run, collected,
				window("five_hour", WindowKind.SESSION, "Session (5 hours)", 104.0, NOW.plus(Duration.ofHours(1))),
				window("seven_day", WindowKind.WEEKLY, "Weekly (all models)", 12.0, NOW.plus(Duration.ofDays(5))));
		seed.run(work, NOW.minus(Duration.ofMinutes(10)), CollectionStatus.TOKEN_REFRESH_FAILED, FAILURE_MESSAGE);
		seed.alert(work, "", "collection_failing", "critical", NOW.minus(Duration.ofMinutes(10)), null, null,
				"work: collection failing (token_refresh_failed)");
	}

	private static void seedNotifications(UsageSeeder seed) {
		seed.channel("team-slack", "slack", null, null);
		seed.channel("old-hook", "webhook", NOW.minus(Duration.ofHours(5)), "404 Not Found: no such webhook");
	}

	static UsageWindow window(String id, WindowKind kind, String label, Double utilization, Instant resetsAt) {
		return new UsageWindow(id, kind, label, utilization, resetsAt, null);
	}

	/**
	 * Pins the application clock to {@link UsageScenario#NOW}.
	 */
	@TestConfiguration(proxyBeanMethods = false)
	public static class FixedClock {

		@Bean
		@Primary
		Clock fixedClock() {
			return Clock.fixed(NOW, ZoneOffset.UTC);
		}

	}

}
