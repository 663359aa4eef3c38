package dev.usagemonitor.dashboard;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Base64;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import dev.usagemonitor.query.DashboardProperties;

import org.springframework.stereotype.Component;

/**
 * Checks the dashboard token and the login cookie. The cookie contains an HMAC of a fixed
 * text keyed with the token, not the token itself, so a leaked cookie does not reveal the
 * token, and changing the token signs everyone out. Comparisons take the same time
 * whatever the input.
 */
@Component
class DashboardToken {

	private static final String COOKIE_PURPOSE = "claude-usage-dashboard-session-v1";

	private final String token;

	private final byte[] tokenDigest;

	private final String cookieValue;

	DashboardToken(DashboardProperties properties) {
		this.token = properties.tokenRequired() ? properties.token() : null;
		this.tokenDigest = (this.token != null) ? sha256(this.token) : null;
		this.cookieValue = (this.token != null) ? hmac(this.token, COOKIE_PURPOSE) : null;
	}

	boolean required() {
		return this.token != null;
	}

	/**
	 * Tells whether a presented token equals the configured one.
	 */
	boolean matches(String presented) {
		return presented != null && this.tokenDigest != null
				&& MessageDigest.isEqual(this.tokenDigest, sha256(presented));
	}

	/**
	 * Tells whether a login cookie value is the one issued for the configured token.
	 */
	boolean matchesCookie(String presented) {
		return presented != null && this.cookieValue != null && MessageDigest
			.isEqual(this.cookieValue.getBytes(StandardCharsets.UTF_8), presented.getBytes(StandardCharsets.UTF_8));
	}

	/**
	 * Returns the value of the login cookie.
	 */
	String cookieValue() {
		return this.cookieValue;
	}

	private static byte[] sha256(String text) {
		try {
			return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("SHA-256 is not available in this JVM", ex);
		}
	}

	private static String hmac(String key, String text) {
		try {
			Mac mac = Mac.getInstance("HmacSHA256");
			mac.init(new SecretKeySpec(key.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
			byte[] signature = mac.doFinal(text.getBytes(StandardCharsets.UTF_8));
			return Base64.getUrlEncoder().withoutPadding().encodeToString(signature);
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("HmacSHA256 is not available in this JVM", ex);
		}
	}

}
