package dev.usagemonitor.alert;

import java.math.BigDecimal;
import java.math.MathContext;

import dev.usagemonitor.collect.Spend;
import dev.usagemonitor.collect.UsageWindow;
import dev.usagemonitor.collect.WindowKind;

/**
 * The value an alert rule compares with its levels: a percentage, or for spend windows
 * without a cap an amount in the account's currency.
 *
 * @param value percent on a 0–100 scale (may exceed 100), or an amount in major units
 * @param amount whether {@code value} is an amount rather than a percentage
 * @param currency ISO 4217 code of an amount, or {@code null}
 */
record WindowReading(double value, boolean amount, String currency) {

	/**
	 * Reads a window. A spend window with a cap is read as percent of the cap.
	 * @return the reading, or {@code null} when the value is unknown
	 */
	static WindowReading of(UsageWindow window) {
		Spend spend = window.spend();
		if (window.kind() == WindowKind.SPEND && spend != null) {
			if (spend.capMinor() != null && spend.capMinor() > 0) {
				BigDecimal percent = BigDecimal.valueOf(spend.usedMinor())
					.multiply(BigDecimal.valueOf(100))
					.divide(BigDecimal.valueOf(spend.capMinor()), MathContext.DECIMAL64);
				return new WindowReading(percent.doubleValue(), false, null);
			}
			return new WindowReading(spend.used().doubleValue(), true, spend.currency());
		}
		if (window.utilization() == null) {
			return null;
		}
		return new WindowReading(window.utilization(), false, null);
	}

}
