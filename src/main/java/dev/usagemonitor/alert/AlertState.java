package dev.usagemonitor.alert;

import java.util.Locale;

import com.fasterxml.jackson.annotation.JsonValue;

/**
 * Whether an alert condition holds. An event records the state an alert entered.
 */
public enum AlertState {

	/** The condition holds. */
	FIRING,
	/** The condition no longer holds, or the notice was given. */
	RESOLVED;

	/**
	 * Returns the lower-case code stored in the database and shown in JSON.
	 */
	@JsonValue
	public String code() {
		return name().toLowerCase(Locale.ROOT);
	}

	/**
	 * Returns the state stored under a code.
	 * @throws IllegalArgumentException for an unknown code
	 */
	public static AlertState ofCode(String code) {
		return valueOf(code.toUpperCase(Locale.ROOT));
	}

}
