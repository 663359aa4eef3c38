package dev.usagemonitor.config;

import java.time.Instant;

/**
 * A validated account from {@code monitor.accounts[index]}. Secrets are never part of
 * {@link #toString()}.
 *
 * @param index position in {@code monitor.accounts}, used to name properties in messages
 * @param name unique label: lower-case letters, digits and single hyphens
 * @param source where the usage comes from
 * @param sessionKey claude.ai {@code sessionKey} cookie, claude-web only
 * @param organizationId pinned organization UUID, or {@code null} to choose the single
 * Pro or Max organization (claude-web only)
 * @param accessToken configured OAuth access token, oauth only
 * @param refreshToken configured OAuth refresh token, oauth only
 * @param expiresAt expiry of the configured access token, or {@code null} when unknown
 * @param pushToken bearer token that pushes for this account must carry, or {@code null}
 */
public record Account(int index, String name, AccountSource source, String sessionKey, String organizationId,
		String accessToken, String refreshToken, Instant expiresAt, String pushToken) {

	/**
	 * Returns the configuration prefix of this account, for example
	 * {@code monitor.accounts[1]}.
	 */
	public String propertyPrefix() {
		return "monitor.accounts[" + this.index + "]";
	}

	/**
	 * Returns the full name of one of this account's properties, for example
	 * {@code monitor.accounts[1].session-key}.
	 */
	public String property(String key) {
		return propertyPrefix() + "." + key;
	}

	@Override
	public String toString() {
		return "Account[" + this.name + ", source=" + this.source.code() + "]";
	}

}
