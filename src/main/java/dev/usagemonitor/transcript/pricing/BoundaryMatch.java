package dev.usagemonitor.transcript.pricing;

/**
 * Finds a price-table key inside a model id on word boundaries.
 */
final class BoundaryMatch {

	private BoundaryMatch() {
	}

	/**
	 * Tells whether {@code key} occurs in {@code model} with a non-alphanumeric character
	 * (or the end of the id) on both sides, and is not followed by a short version
	 * number. The version rule keeps {@code claude-opus-4-9} from taking the price of
	 * {@code claude-opus-4}, while a date suffix such as {@code -20250514} still matches.
	 */
	static boolean matches(String model, String key) {
		int from = 0;
		int index;
		while ((index = model.indexOf(key, from)) >= 0) {
			int end = index + key.length();
			if (isBoundary(model, index - 1) && isBoundary(model, end) && !startsWithVersion(model, end)) {
				return true;
			}
			from = index + 1;
		}
		return false;
	}

	private static boolean isBoundary(String text, int index) {
		return index < 0 || index >= text.length() || !Character.isLetterOrDigit(text.charAt(index));
	}

	/**
	 * Tells whether the text at {@code index} is a separator followed by a number of one
	 * to three digits and then a boundary.
	 */
	private static boolean startsWithVersion(String text, int index) {
		int digits = 0;
		int i = index + 1;
		while (i < text.length() && Character.isDigit(text.charAt(i))) {
			digits++;
			i++;
		}
		return digits >= 1 && digits <= 3 && isBoundary(text, i);
	}

}
