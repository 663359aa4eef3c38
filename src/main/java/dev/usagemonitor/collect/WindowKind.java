package dev.usagemonitor.collect;

import java.util.Locale;

/**
 * What a usage window limits. Unknown window keys of the usage response become
 * {@link #OTHER}.
 */
public enum WindowKind {

	/** The 5-hour session window. */
	SESSION,
	/** A weekly window over all models. */
	WEEKLY,
	/** A weekly window limited to one model. */
	WEEKLY_SCOPED,
	/** Money spent on extra usage, in minor units of a currency. */
	SPEND,
	/** Any other percentage window, including internal code names. */
	OTHER;

	/**
	 * Returns the lower-case name stored in the database and shown in JSON.
	 */
	public String code() {
		return name().toLowerCase(Locale.ROOT);
	}

	/**
	 * Returns the kind stored under a code.
	 * @throws IllegalArgumentException for an unknown code
	 */
	public static WindowKind ofCode(String code) {
		return valueOf(code.toUpperCase(Locale.ROOT));
	}

}
