package dev.usagemonitor.alert;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.Map;

import dev.usagemonitor.alert.ThresholdOverrides.Account;
import dev.usagemonitor.alert.ThresholdOverrides.Kinds;
import dev.usagemonitor.alert.ThresholdOverrides.Levels;
import dev.usagemonitor.collect.WindowKind;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Alert rules under {@code monitor.thresholds}. Levels are looked up from the most
 * specific scope down: {@code accounts.<name>.kinds.<kind>}, {@code accounts.<name>},
 * {@code kinds.<kind>}, then the top-level value.
 *
 * @param warningPercent warning level of every percentage window (default 70)
 * @param criticalPercent critical level of every percentage window (default 90); the
 * exhausted level is always 100
 * @param spendWarningAmount warning amount of spend windows without a cap, in the
 * account's currency (default: none, no alert)
 * @param spendCriticalAmount critical amount of spend windows without a cap (default:
 * none)
 * @param hysteresisPercent points a value must fall under its level before the alert
 * resolves (default 5); for amounts, this percentage of the level amount
 * @param resetTolerance how far {@code resets_at} may drift between observations of one
 * window instance (default 5 minutes)
 * @param dailyTokensWarning warning level of transcript tokens a day (default 10000)
 * @param dailyTokensCritical critical level of transcript tokens a day (default 20000)
 * @param failingAfterRuns consecutive runs with the same failure status that raise
 * {@code collection_failing} (default 3)
 * @param staleAfter age after which an observation no longer counts and no success raises
 * {@code collection_failing} (default: 3 × {@code monitor.cycle-interval})
 * @param projection the burn-rate projection
 * @param kinds overrides per window kind
 * @param accounts overrides per account name
 */
@ConfigurationProperties("monitor.thresholds")
public record ThresholdProperties(@DefaultValue("70") double warningPercent, @DefaultValue("90") double criticalPercent,
		BigDecimal spendWarningAmount, BigDecimal spendCriticalAmount, @DefaultValue("5") double hysteresisPercent,
		@DefaultValue("5m") Duration resetTolerance, @DefaultValue("10000") long dailyTokensWarning,
		@DefaultValue("20000") long dailyTokensCritical, @DefaultValue("3") int failingAfterRuns, Duration staleAfter,
		@DefaultValue Projection projection, @DefaultValue Kinds kinds, @DefaultValue Map<String, Account> accounts) {

	/**
	 * Returns the levels of one window kind of one account.
	 */
	WindowLevels levels(String account, WindowKind kind) {
		Account accountOverride = override(account);
		Levels accountKind = (accountOverride != null) ? accountOverride.kind(kind) : null;
		Levels globalKind = this.kinds.of(kind);
		double warning = first(this.warningPercent, (accountKind != null) ? accountKind.warningPercent() : null,
				(accountOverride != null) ? accountOverride.warningPercent() : null,
				(globalKind != null) ? globalKind.warningPercent() : null);
		double critical = first(this.criticalPercent, (accountKind != null) ? accountKind.criticalPercent() : null,
				(accountOverride != null) ? accountOverride.criticalPercent() : null,
				(globalKind != null) ? globalKind.criticalPercent() : null);
		BigDecimal warningAmount = (accountOverride != null && accountOverride.spendWarningAmount() != null)
				? accountOverride.spendWarningAmount() : this.spendWarningAmount;
		BigDecimal criticalAmount = (accountOverride != null && accountOverride.spendCriticalAmount() != null)
				? accountOverride.spendCriticalAmount() : this.spendCriticalAmount;
		return new WindowLevels(warning, critical, warningAmount, criticalAmount);
	}

	/**
	 * Returns the daily token levels of one account.
	 */
	DailyTokenLevels dailyTokens(String account) {
		Account override = override(account);
		long warning = (override != null && override.dailyTokensWarning() != null) ? override.dailyTokensWarning()
				: this.dailyTokensWarning;
		long critical = (override != null && override.dailyTokensCritical() != null) ? override.dailyTokensCritical()
				: this.dailyTokensCritical;
		return new DailyTokenLevels(warning, critical);
	}

	/**
	 * Returns the staleness limit, falling back to three cycle intervals.
	 */
	Duration staleAfter(Duration cycleInterval) {
		return (this.staleAfter != null) ? this.staleAfter : cycleInterval.multipliedBy(3);
	}

	private Account override(String account) {
		return (account != null) ? this.accounts.get(account) : null;
	}

	private static double first(double fallback, Double... candidates) {
		for (Double candidate : candidates) {
			if (candidate != null) {
				return candidate;
			}
		}
		return fallback;
	}

	/**
	 * The burn-rate projection behind {@code projected_exhaustion}.
	 *
	 * @param enabled whether to project (default true)
	 * @param minObservations observations of the current window instance needed (default
	 * 2)
	 * @param minSpan time those observations must span (default 15 minutes)
	 * @param lookback how far back the burn rate looks (default 1 hour)
	 */
	public record Projection(@DefaultValue("true") boolean enabled, @DefaultValue("2") int minObservations,
			@DefaultValue("15m") Duration minSpan, @DefaultValue("1h") Duration lookback) {
	}

	/**
	 * The levels that apply to one window.
	 *
	 * @param warningPercent warning level in percent
	 * @param criticalPercent critical level in percent
	 * @param warningAmount warning amount of uncapped spend, or {@code null}
	 * @param criticalAmount critical amount of uncapped spend, or {@code null}
	 */
	record WindowLevels(double warningPercent, double criticalPercent, BigDecimal warningAmount,
			BigDecimal criticalAmount) {
	}

	/**
	 * The daily token levels of one account.
	 *
	 * @param warning warning level in tokens a day
	 * @param critical critical level in tokens a day
	 */
	record DailyTokenLevels(long warning, long critical) {
	}

}
