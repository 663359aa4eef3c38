package dev.usagemonitor.collect;

import java.util.Locale;

/**
 * Kinds and labels of usage windows, derived from the response's keys so that a window
 * the monitor has never seen still gets a readable name.
 */
final class WindowNames {

	static final String SESSION_KEY = "five_hour";

	static final String WEEKLY_KEY = "seven_day";

	static final String WEEKLY_SCOPED_PREFIX = "seven_day_";

	static final String SESSION_LABEL = "Session (5 h)";

	static final String WEEKLY_LABEL = "Weekly (all models)";

	static final String EXTRA_USAGE_LABEL = "Extra usage";

	private WindowNames() {
	}

	/**
	 * Returns the kind of a top-level window key.
	 */
	static WindowKind kindOf(String key) {
		if (SESSION_KEY.equals(key)) {
			return WindowKind.SESSION;
		}
		if (WEEKLY_KEY.equals(key)) {
			return WindowKind.WEEKLY;
		}
		return key.startsWith(WEEKLY_SCOPED_PREFIX) ? WindowKind.WEEKLY_SCOPED : WindowKind.OTHER;
	}

	/**
	 * Returns the label of a top-level window key: {@code seven_day_sonnet} becomes
	 * "Weekly (Sonnet)", a code name such as {@code nimbus_quill} becomes "Nimbus quill".
	 */
	static String labelOf(String key) {
		if (SESSION_KEY.equals(key)) {
			return SESSION_LABEL;
		}
		if (WEEKLY_KEY.equals(key)) {
			return WEEKLY_LABEL;
		}
		if ("seven_day_oauth_apps".equals(key)) {
			return "Weekly (OAuth apps)";
		}
		if (key.startsWith(WEEKLY_SCOPED_PREFIX)) {
			return "Weekly (" + humanize(key.substring(WEEKLY_SCOPED_PREFIX.length())) + ")";
		}
		return humanize(key);
	}

	/**
	 * Returns the scope of a {@code seven_day_<scope>} key, or {@code null}.
	 */
	static String scopeOf(String key) {
		return key.startsWith(WEEKLY_SCOPED_PREFIX) ? key.substring(WEEKLY_SCOPED_PREFIX.length()) : null;
	}

	/**
	 * Returns a display name as an id part: "Fable" becomes {@code fable}, "Opus 4"
	 * becomes {@code opus_4}.
	 */
	static String slug(String name) {
		return name.strip().toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "_").replaceAll("^_|_$", "");
	}

	/**
	 * Returns a key as words with a capital first letter: {@code nimbus_quill} becomes
	 * "Nimbus quill".
	 */
	static String humanize(String key) {
		String words = key.replace('_', ' ').strip();
		if (words.isEmpty()) {
			return key;
		}
		return Character.toUpperCase(words.charAt(0)) + words.substring(1);
	}

}
