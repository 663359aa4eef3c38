package dev.usagemonitor.notify;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.Optional;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Signs webhook bodies per Standard Webhooks 1.0: the {@code webhook-signature} header is
 * {@code v1,} followed by the base64 HMAC-SHA256 of {@code <id>.<timestamp>.<body>},
 * keyed with the base64-decoded part of a {@code whsec_} secret.
 */
final class WebhookSignature {

	static final String SECRET_PREFIX = "whsec_";

	private static final int MIN_KEY_BYTES = 24;

	private static final int MAX_KEY_BYTES = 64;

	private WebhookSignature() {
	}

	/**
	 * Returns the HMAC key of a {@code whsec_} secret, or empty when the secret lacks the
	 * prefix, is not base64 or decodes to fewer than 24 or more than 64 bytes.
	 */
	static Optional<byte[]> decodeSecret(String secret) {
		if (secret == null || !secret.startsWith(SECRET_PREFIX)) {
			return Optional.empty();
		}
		try {
			byte[] key = Base64.getDecoder().decode(secret.substring(SECRET_PREFIX.length()));
			boolean sized = key.length >= MIN_KEY_BYTES && key.length <= MAX_KEY_BYTES;
			return sized ? Optional.of(key) : Optional.empty();
		}
		catch (IllegalArgumentException ex) {
			return Optional.empty();
		}
	}

	/**
	 * Returns the {@code webhook-signature} header value for one attempt.
	 * @param secret a secret accepted by {@link #decodeSecret(String)}
	 * @param messageId the {@code webhook-id}, without {@code .}
	 * @param timestampSeconds the {@code webhook-timestamp} in Unix seconds
	 * @param body the exact bytes sent
	 */
	static String sign(String secret, String messageId, long timestampSeconds, byte[] body) {
		byte[] key = decodeSecret(secret)
			.orElseThrow(() -> new IllegalArgumentException("The webhook secret is not a valid whsec_ secret"));
		byte[] prefix = (messageId + "." + timestampSeconds + ".").getBytes(StandardCharsets.UTF_8);
		try {
			Mac mac = Mac.getInstance("HmacSHA256");
			mac.init(new SecretKeySpec(key, "HmacSHA256"));
			mac.update(prefix);
			return "v1," + Base64.getEncoder().encodeToString(mac.doFinal(body));
		}
		catch (NoSuchAlgorithmException | InvalidKeyException ex) {
			throw new IllegalStateException("HmacSHA256 is not available in this JVM", ex);
		}
	}

}
