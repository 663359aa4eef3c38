package dev.usagemonitor.collect;

import java.time.Duration;
import java.time.Instant;

/**
 * An OAuth token pair. {@link #toString()} never shows the tokens.
 *
 * @param accessToken bearer token for the usage endpoint
 * @param refreshToken token that buys the next pair; the token endpoint rotates it
 * @param expiresAt expiry of the access token, or {@code null} when unknown
 */
record OAuthTokens(String accessToken, String refreshToken, Instant expiresAt) {

	/**
	 * Margin before the expiry at which the access token counts as expired, so that it
	 * cannot expire between the check and the request.
	 */
	static final Duration EXPIRY_MARGIN = Duration.ofMinutes(1);

	boolean expiredAt(Instant now) {
		return this.expiresAt != null && !now.isBefore(this.expiresAt.minus(EXPIRY_MARGIN));
	}

	@Override
	public String toString() {
		return "OAuthTokens[expiresAt=" + this.expiresAt + "]";
	}

}
