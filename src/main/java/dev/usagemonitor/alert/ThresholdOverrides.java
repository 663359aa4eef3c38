package dev.usagemonitor.alert;

import java.math.BigDecimal;

import dev.usagemonitor.collect.WindowKind;

/**
 * The override records of {@link ThresholdProperties}. A {@code null} value keeps the
 * level of the next broader scope.
 */
public final class ThresholdOverrides {

	private ThresholdOverrides() {
	}

	/**
	 * Percentage levels for one window kind.
	 *
	 * @param warningPercent warning level in percent
	 * @param criticalPercent critical level in percent
	 */
	public record Levels(Double warningPercent, Double criticalPercent) {
	}

	/**
	 * Overrides per window kind, under {@code kinds.<kind>}.
	 *
	 * @param session the 5-hour session window
	 * @param weekly weekly windows over all models
	 * @param weeklyScoped weekly windows of one model
	 * @param spend extra-usage spend windows with a cap
	 * @param other every other percentage window
	 */
	public record Kinds(Levels session, Levels weekly, Levels weeklyScoped, Levels spend, Levels other) {

		/**
		 * Returns the override of a kind, or {@code null} when there is none.
		 */
		Levels of(WindowKind kind) {
			return switch (kind) {
				case SESSION -> this.session;
				case WEEKLY -> this.weekly;
				case WEEKLY_SCOPED -> this.weeklyScoped;
				case SPEND -> this.spend;
				case OTHER -> this.other;
			};
		}

	}

	/**
	 * Overrides for one account, under {@code accounts.<name>}.
	 *
	 * @param warningPercent warning level of every percentage window of the account
	 * @param criticalPercent critical level of every percentage window of the account
	 * @param spendWarningAmount warning amount of uncapped spend, in the account's
	 * currency
	 * @param spendCriticalAmount critical amount of uncapped spend, in the account's
	 * currency
	 * @param dailyTokensWarning warning level of transcript tokens a day
	 * @param dailyTokensCritical critical level of transcript tokens a day
	 * @param kinds overrides per window kind for this account
	 */
	public record Account(Double warningPercent, Double criticalPercent, BigDecimal spendWarningAmount,
			BigDecimal spendCriticalAmount, Long dailyTokensWarning, Long dailyTokensCritical, Kinds kinds) {

		Levels kind(WindowKind kind) {
			return (this.kinds != null) ? this.kinds.of(kind) : null;
		}

	}

}
