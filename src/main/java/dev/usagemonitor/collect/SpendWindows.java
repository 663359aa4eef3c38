package dev.usagemonitor.collect;

import tools.jackson.databind.JsonNode;

/**
 * Reads extra-usage spend. The response describes it twice: the older {@code extra_usage}
 * object (amounts in minor units, {@code decimal_places}) and, since mid-2026, the
 * {@code spend} object (money as {@code amount_minor} with {@code exponent}). Both are
 * the same money, so they become one window, {@code extra_usage}, read from {@code spend}
 * when it is enabled and from {@code extra_usage} otherwise. Disabled extra usage gives
 * no window.
 */
final class SpendWindows {

	static final String ID = "extra_usage";

	/**
	 * Digits of the minor unit when the response names none. NOTE: 2 is right for USD and
	 * EUR, the only currencies seen without the field.
	 */
	static final int DEFAULT_DECIMAL_PLACES = 2;

	private SpendWindows() {
	}

	/**
	 * Returns the spend window of a response, or {@code null} when extra usage is
	 * disabled or absent.
	 */
	static UsageWindow read(JsonNode root) {
		JsonNode spend = root.path("spend");
		if (spend.isObject() && enabled(spend.path("enabled"), spend.path("used").path("amount_minor"))) {
			JsonNode used = spend.path("used");
			return window(JsonValues.wholeNumber(used.path("amount_minor")),
					JsonValues.wholeNumber(spend.path("limit").path("amount_minor")),
					JsonValues.text(used.path("currency")), JsonValues.wholeNumber(used.path("exponent")),
					JsonValues.number(spend.path("percent")));
		}
		JsonNode extra = root.path("extra_usage");
		if (extra.isObject() && enabled(extra.path("is_enabled"), extra.path("used_credits"))) {
			return window(JsonValues.wholeNumber(extra.path("used_credits")),
					JsonValues.wholeNumber(extra.path("monthly_limit")), JsonValues.text(extra.path("currency")),
					JsonValues.wholeNumber(extra.path("decimal_places")), JsonValues.number(extra.path("utilization")));
		}
		return null;
	}

	/**
	 * Tells whether spend is on: the response's flag when present, otherwise whether an
	 * amount is given.
	 */
	private static boolean enabled(JsonNode flag, JsonNode amount) {
		return flag.isBoolean() ? flag.booleanValue() : JsonValues.number(amount) != null;
	}

	private static UsageWindow window(Long usedMinor, Long capMinor, String currency, Long decimals,
			Double reportedPercent) {
		int places = (decimals != null) ? Math.toIntExact(Math.min(decimals, 9)) : DEFAULT_DECIMAL_PLACES;
		Spend spend = (usedMinor != null) ? new Spend(usedMinor, capMinor, currency, places) : null;
		return new UsageWindow(ID, WindowKind.SPEND, WindowNames.EXTRA_USAGE_LABEL,
				utilization(usedMinor, capMinor, reportedPercent), null, spend);
	}

	/**
	 * Returns the share of the cap spent, computed from the amounts when both are known
	 * (the response rounds {@code spend.percent} to whole numbers), the reported
	 * percentage when only the cap is known, and {@code null} without a cap.
	 */
	private static Double utilization(Long usedMinor, Long capMinor, Double reportedPercent) {
		if (capMinor == null || capMinor <= 0) {
			return null;
		}
		return (usedMinor != null) ? usedMinor * 100.0 / capMinor : reportedPercent;
	}

}
