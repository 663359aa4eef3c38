package dev.usagemonitor.collect;

import java.util.Locale;

/**
 * The outcome of one collection attempt. Every attempt stores exactly one status.
 */
public enum CollectionStatus {

	OK, CLOUDFLARE_CHALLENGE, SESSION_EXPIRED, ORGANIZATION_FORBIDDEN, TOKEN_EXPIRED, TOKEN_REFRESH_FAILED,
	SCOPE_MISSING, RATE_LIMITED, SERVER_ERROR, NETWORK_ERROR, FORMAT_CHANGED, ORGANIZATION_AMBIGUOUS, NOT_CONFIGURED;

	/**
	 * Returns the lower-case name stored in the database and shown in JSON.
	 */
	public String code() {
		return name().toLowerCase(Locale.ROOT);
	}

	/**
	 * Returns the status stored under a code.
	 * @throws IllegalArgumentException for an unknown code
	 */
	public static CollectionStatus ofCode(String code) {
		return valueOf(code.toUpperCase(Locale.ROOT));
	}

	/**
	 * Tells whether a person has to renew a credential before collection can work again.
	 */
	public boolean needsNewCredential() {
		return this == SESSION_EXPIRED || this == TOKEN_REFRESH_FAILED || this == SCOPE_MISSING;
	}

}
