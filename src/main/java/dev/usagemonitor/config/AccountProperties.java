package dev.usagemonitor.config;

/**
 * One monitored account, bound from {@code monitor.accounts[N]}. Values are kept as
 * strings so that start-up validation can report a bad value with the property name and
 * the fix.
 *
 * @param name short unique label: lower-case letters, digits and {@code -}
 * @param source {@code claude-web}, {@code oauth} or {@code push}
 * @param sessionKey claude.ai {@code sessionKey} cookie (claude-web)
 * @param organizationId organization UUID to read; when empty the single Pro or Max
 * organization is chosen (claude-web)
 * @param accessToken OAuth access token (oauth)
 * @param refreshToken OAuth refresh token, rotated on every refresh (oauth)
 * @param expiresAt ISO-8601 instant at which the access token expires (oauth, optional)
 * @param pushToken bearer token that Claude Code pushes for this account must present
 */
public record AccountProperties(String name, String source, String sessionKey, String organizationId,
		String accessToken, String refreshToken, String expiresAt, String pushToken) {

	@Override
	public String toString() {
		return "AccountProperties[name=" + this.name + ", source=" + this.source + "]";
	}

}
