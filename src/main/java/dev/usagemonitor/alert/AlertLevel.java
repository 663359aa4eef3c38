package dev.usagemonitor.alert;

import java.util.Locale;

import com.fasterxml.jackson.annotation.JsonValue;

/**
 * Severity of an alert, in escalation order: a higher level of the same window instance
 * suppresses the lower ones.
 */
public enum AlertLevel {

	/** A notice, such as a window reset. */
	INFO,
	/** Close to a limit. */
	WARNING,
	/** Very close to a limit, or a person must act. */
	CRITICAL,
	/** The limit is reached. */
	EXHAUSTED;

	/**
	 * Returns the lower-case code stored in the database and shown in JSON.
	 */
	@JsonValue
	public String code() {
		return name().toLowerCase(Locale.ROOT);
	}

	/**
	 * Returns the level stored under a code.
	 * @throws IllegalArgumentException for an unknown code
	 */
	public static AlertLevel ofCode(String code) {
		return valueOf(code.toUpperCase(Locale.ROOT));
	}

	/**
	 * Tells whether this level is at least as severe as another.
	 */
	public boolean atLeast(AlertLevel other) {
		return compareTo(other) >= 0;
	}

}
