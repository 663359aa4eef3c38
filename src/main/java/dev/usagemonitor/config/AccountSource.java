package dev.usagemonitor.config;

import java.util.Arrays;
import java.util.Optional;

/**
 * The origin of an account's usage data.
 */
public enum AccountSource {

	/** The claude.ai web API, authenticated with the {@code sessionKey} cookie. */
	CLAUDE_WEB("claude-web"),
	/**
	 * The OAuth usage endpoint, authenticated with an access token the monitor refreshes.
	 */
	OAUTH("oauth"),
	/** Claude Code pushes the usage; the monitor never collects it. */
	PUSH("push");

	private final String code;

	AccountSource(String code) {
		this.code = code;
	}

	/**
	 * Returns the value used in configuration and stored in the database.
	 */
	public String code() {
		return this.code;
	}

	/**
	 * Tells whether the monitor fetches the usage of such an account itself.
	 */
	public boolean isCollected() {
		return this != PUSH;
	}

	/**
	 * Returns the source configured under a code, if the code is known.
	 */
	public static Optional<AccountSource> ofCode(String code) {
		return Arrays.stream(values()).filter((source) -> source.code.equals(code)).findFirst();
	}

}
