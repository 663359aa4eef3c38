package dev.usagemonitor.collect;

import java.time.Clock;
import java.time.Instant;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * OAuth token pairs the monitor received from refreshes. This is the only table that
 * holds secrets.
 */
@Repository
class OAuthTokenRepository {

	private final JdbcClient jdbc;

	private final Clock clock;

	OAuthTokenRepository(JdbcClient jdbc, Clock clock) {
		this.jdbc = jdbc;
		this.clock = clock;
	}

	Optional<StoredTokens> find(long accountId) {
		return this.jdbc.sql("""
				SELECT access_token, refresh_token, expires_at, configured_fingerprint
				FROM oauth_tokens WHERE account_id = :account
				""").param("account", accountId).query((rs, row) -> {
			long expires = rs.getLong("expires_at");
			Instant expiresAt = rs.wasNull() ? null : Instant.ofEpochMilli(expires);
			OAuthTokens tokens = new OAuthTokens(rs.getString("access_token"), rs.getString("refresh_token"),
					expiresAt);
			return new StoredTokens(tokens, rs.getString("configured_fingerprint"));
		}).optional();
	}

	void save(long accountId, OAuthTokens tokens, String configuredFingerprint) {
		this.jdbc.sql("""
				INSERT INTO oauth_tokens (account_id, access_token, refresh_token, expires_at, configured_fingerprint,
				    updated_at)
				VALUES (:account, :access, :refresh, :expires, :fingerprint, :now)
				ON CONFLICT (account_id) DO UPDATE SET access_token = excluded.access_token,
				    refresh_token = excluded.refresh_token, expires_at = excluded.expires_at,
				    configured_fingerprint = excluded.configured_fingerprint, updated_at = excluded.updated_at
				""")
			.param("account", accountId)
			.param("access", tokens.accessToken())
			.param("refresh", tokens.refreshToken())
			.param("expires", (tokens.expiresAt() != null) ? tokens.expiresAt().toEpochMilli() : null)
			.param("fingerprint", configuredFingerprint)
			.param("now", this.clock.millis())
			.update();
	}

	/**
	 * A stored pair and the fingerprint of the configured pair it descends from.
	 */
	record StoredTokens(OAuthTokens tokens, String configuredFingerprint) {
	}

}
