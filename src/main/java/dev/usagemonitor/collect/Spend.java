package dev.usagemonitor.collect;

import java.math.BigDecimal;

/**
 * Money spent in a spend window, in minor units of the currency (cents for USD).
 *
 * @param usedMinor amount spent, in minor units
 * @param capMinor spending cap in minor units, or {@code null} when there is no cap
 * @param currency ISO 4217 code, or {@code null} when the source does not name one
 * @param decimalPlaces number of minor-unit digits (2 for USD)
 */
public record Spend(long usedMinor, Long capMinor, String currency, int decimalPlaces) {

	/**
	 * Returns the amount spent in major units (dollars for USD).
	 */
	public BigDecimal used() {
		return BigDecimal.valueOf(this.usedMinor, this.decimalPlaces);
	}

	/**
	 * Returns the cap in major units, or {@code null} when there is no cap.
	 */
	public BigDecimal cap() {
		return (this.capMinor != null) ? BigDecimal.valueOf(this.capMinor, this.decimalPlaces) : null;
	}

}
