package dev.usagemonitor.alert;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import dev.usagemonitor.alert.ThresholdProperties.DailyTokenLevels;
import dev.usagemonitor.alert.ThresholdProperties.WindowLevels;
import dev.usagemonitor.collect.WindowKind;

/**
 * Checks {@link ThresholdProperties} at start-up, including every combination of account
 * and window kind, so that a bad level fails fast with the property to fix.
 */
final class ThresholdValidator {

	private final List<String> problems = new ArrayList<>();

	private ThresholdValidator() {
	}

	/**
	 * Checks the properties.
	 * @throws IllegalArgumentException listing every invalid value and how to fix it
	 */
	static void validate(ThresholdProperties properties) {
		ThresholdValidator validator = new ThresholdValidator();
		validator.checkGeneral(properties);
		validator.checkLevels(properties, null);
		properties.accounts().keySet().forEach((account) -> validator.checkLevels(properties, account));
		if (!validator.problems.isEmpty()) {
			throw new IllegalArgumentException("Invalid monitor.thresholds: " + String.join("; ", validator.problems));
		}
	}

	private void checkGeneral(ThresholdProperties properties) {
		check(properties.hysteresisPercent() >= 0,
				"hysteresis-percent is " + properties.hysteresisPercent() + " but must be 0 or more");
		check(!properties.resetTolerance().isNegative(), "reset-tolerance must not be negative");
		check(properties.failingAfterRuns() >= 1,
				"failing-after-runs is " + properties.failingAfterRuns() + " but must be 1 or more");
		check(properties.staleAfter() == null || isPositive(properties.staleAfter()),
				"stale-after must be positive, or unset for 3 cycle intervals");
		ThresholdProperties.Projection projection = properties.projection();
		check(projection.minObservations() >= 2,
				"projection.min-observations is " + projection.minObservations() + " but a burn rate needs 2 or more");
		check(isPositive(projection.minSpan()), "projection.min-span must be positive");
		check(projection.lookback().compareTo(projection.minSpan()) >= 0,
				"projection.lookback must be at least projection.min-span");
	}

	private void checkLevels(ThresholdProperties properties, String account) {
		String scope = (account != null) ? "accounts." + account + "." : "";
		for (WindowKind kind : WindowKind.values()) {
			WindowLevels levels = properties.levels(account, kind);
			check(levels.warningPercent() > 0 && levels.warningPercent() <= levels.criticalPercent()
					&& levels.criticalPercent() <= 100,
					scope + "warning-percent " + levels.warningPercent() + " and critical-percent "
							+ levels.criticalPercent() + " for " + kind.code()
							+ " windows must satisfy 0 < warning <= critical <= 100");
		}
		WindowLevels spend = properties.levels(account, WindowKind.SPEND);
		checkAmounts(scope, spend.warningAmount(), spend.criticalAmount());
		DailyTokenLevels tokens = properties.dailyTokens(account);
		check(tokens.warning() > 0 && tokens.warning() <= tokens.critical(),
				scope + "daily-tokens-warning " + tokens.warning() + " and daily-tokens-critical " + tokens.critical()
						+ " must satisfy " + "0 < warning <= critical");
	}

	private void checkAmounts(String scope, BigDecimal warning, BigDecimal critical) {
		check(warning == null || warning.signum() > 0, scope + "spend-warning-amount must be positive");
		check(critical == null || critical.signum() > 0, scope + "spend-critical-amount must be positive");
		check(warning == null || critical == null || warning.compareTo(critical) <= 0,
				scope + "spend-warning-amount " + warning + " must not exceed spend-critical-amount " + critical);
	}

	private static boolean isPositive(Duration duration) {
		return duration != null && !duration.isNegative() && !duration.isZero();
	}

	private void check(boolean valid, String problem) {
		if (!valid) {
			this.problems.add(problem);
		}
	}

}
