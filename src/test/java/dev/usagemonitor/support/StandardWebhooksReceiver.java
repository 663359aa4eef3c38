package dev.usagemonitor.support;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Base64;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import dev.usagemonitor.support.StubServer.RecordedRequest;

/**
 * A receiver-side Standard Webhooks check, written independently of the sender: decodes
 * the key after {@code whsec_}, signs {@code id.timestamp.body} and compares each
 * {@code v1,} entry in constant time.
 */
public final class StandardWebhooksReceiver {

	private StandardWebhooksReceiver() {
	}

	/**
	 * Tells whether the request carries a valid {@code v1} signature for the secret.
	 */
	public static boolean verify(String secret, RecordedRequest request) throws Exception {
		byte[] key = Base64.getDecoder().decode(secret.substring("whsec_".length()));
		Mac mac = Mac.getInstance("HmacSHA256");
		mac.init(new SecretKeySpec(key, "HmacSHA256"));
		mac.update((request.header("webhook-id") + "." + request.header("webhook-timestamp") + ".")
			.getBytes(StandardCharsets.UTF_8));
		byte[] expected = mac.doFinal(request.body());
		for (String entry : request.header("webhook-signature").split(" ")) {
			if (entry.startsWith("v1,")
					&& MessageDigest.isEqual(expected, Base64.getDecoder().decode(entry.substring(3)))) {
				return true;
			}
		}
		return false;
	}

}
