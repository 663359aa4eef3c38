package dev.usagemonitor.notify;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class WebhookSignatureTests {

	/**
	 * The published Standard Webhooks test vector, verified by its reference libraries.
	 */
	private static final String SECRET = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw";

	@Test
	void signatureMatchesPublishedVector() {
		String signature = WebhookSignature.sign(SECRET, "msg_p5jXN8AQM9LWM0D4loKWxJek", 1614265330L,
				"{\"test\": 2432232314}".getBytes(StandardCharsets.UTF_8));
		assertThat(signature).isEqualTo("v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=");
	}

	@Test
	void signatureChangesWithBody() {
		String first = WebhookSignature.sign(SECRET, "msg_1", 1, "{}".getBytes(StandardCharsets.UTF_8));
		String second = WebhookSignature.sign(SECRET, "msg_1", 1, "{ }".getBytes(StandardCharsets.UTF_8));
		assertThat(first).isNotEqualTo(second);
	}

	@Test
	void secretWithoutPrefixIsInvalid() {
		assertThat(WebhookSignature.decodeSecret("MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw")).isEmpty();
	}

	@Test
	void secretThatIsNotBase64IsInvalid() {
		assertThat(WebhookSignature.decodeSecret("whsec_not base64!")).isEmpty();
	}

	@Test
	void secretShorterThan24BytesIsInvalid() {
		String shortKey = Base64.getEncoder().encodeToString(new byte[23]);
		assertThat(WebhookSignature.decodeSecret("whsec_" + shortKey)).isEmpty();
	}

	@Test
	void secretLongerThan64BytesIsInvalid() {
		String longKey = Base64.getEncoder().encodeToString(new byte[65]);
		assertThat(WebhookSignature.decodeSecret("whsec_" + longKey)).isEmpty();
	}

	@Test
	void secretOf24To64BytesIsValid() {
		assertThat(WebhookSignature.decodeSecret(SECRET)).hasValueSatisfying((key) -> assertThat(key).hasSize(24));
		String key64 = Base64.getEncoder().encodeToString(new byte[64]);
		assertThat(WebhookSignature.decodeSecret("whsec_" + key64)).isPresent();
	}

	@Test
	void signingWithInvalidSecretFailsWithoutShowingIt() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> WebhookSignature.sign("whsec_short", "msg_1", 1, new byte[0]))
			.withMessageNotContaining("whsec_short");
	}

}
