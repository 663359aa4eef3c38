package dev.usagemonitor.notify;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.Base64;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static dev.usagemonitor.notify.SampleEvents.event;
import static dev.usagemonitor.notify.SampleEvents.notification;
import static org.assertj.core.api.Assertions.assertThat;

class WebhookFormatTests {

	private static final String SECRET = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw";

	private static final Instant ATTEMPT = Instant.parse("2026-03-03T08:00:05Z");

	private final JsonMapper json = JsonMapper.builder().build();

	private final WebhookFormat format = new WebhookFormat(this.json);

	private final Channel channel = SampleEvents.channel(ChannelType.WEBHOOK, "https://receiver.test/hooks", SECRET,
			null);

	@Test
	void bodyCarriesEveryEventField() {
		OutgoingRequest request = this.format.format(notification(event(42, "critical", "firing")), this.channel,
				ATTEMPT);
		JsonNode body = this.json.readTree(request.body());
		assertThat(body.path("type").asString()).isEqualTo("usage.alerts");
		assertThat(body.path("timestamp").asString()).isEqualTo("2026-03-03T08:00:00Z");
		JsonNode data = body.path("data");
		assertThat(data.path("message_id").asString()).isEqualTo("msg_0123456789abcdef");
		assertThat(data.path("account").asString()).isEqualTo("personal");
		assertThat(data.path("dashboard_url").asString()).isEqualTo("https://usage.example.test/");
		JsonNode event = data.path("events").get(0);
		assertThat(event.path("id").asLong()).isEqualTo(42);
		assertThat(event.path("type").asString()).isEqualTo("threshold");
		assertThat(event.path("level").asString()).isEqualTo("critical");
		assertThat(event.path("state").asString()).isEqualTo("firing");
		assertThat(event.path("account").asString()).isEqualTo("personal");
		assertThat(event.path("window").asString()).isEqualTo("seven_day");
		assertThat(event.path("value").asDouble()).isEqualTo(91.0);
		assertThat(event.path("resets_at").asString()).isEqualTo("2026-03-10T09:00:00Z");
		assertThat(event.path("message").asString()).startsWith("personal: weekly limit (all models) at 91 %");
	}

	@Test
	void headersCarryStableIdAndAttemptTime() {
		OutgoingRequest request = this.format.format(notification(event(1, "warning", "firing")), this.channel,
				ATTEMPT);
		assertThat(request.headers()).containsEntry("webhook-id", "msg_0123456789abcdef")
			.containsEntry("webhook-timestamp", String.valueOf(ATTEMPT.getEpochSecond()))
			.containsEntry("Content-Type", "application/json");
	}

	@Test
	void signatureVerifiesOverExactBody() throws Exception {
		OutgoingRequest request = this.format.format(notification(event(1, "warning", "firing")), this.channel,
				ATTEMPT);
		String expected = "v1,"
				+ hmac(request.headers().get("webhook-id") + "." + request.headers().get("webhook-timestamp") + "."
						+ new String(request.body(), StandardCharsets.UTF_8));
		String received = request.headers().get("webhook-signature");
		assertThat(MessageDigest.isEqual(received.getBytes(StandardCharsets.UTF_8),
				expected.getBytes(StandardCharsets.UTF_8)))
			.isTrue();
	}

	@Test
	void unsignedWithoutSecret() {
		Channel unsigned = SampleEvents.channel(ChannelType.WEBHOOK, "https://receiver.test/hooks");
		OutgoingRequest request = this.format.format(notification(event(1, "warning", "firing")), unsigned, ATTEMPT);
		assertThat(request.headers()).containsKey("webhook-id").doesNotContainKey("webhook-signature");
	}

	@Test
	void bodyNeverContainsSecret() {
		OutgoingRequest request = this.format.format(notification(event(1, "warning", "firing")), this.channel,
				ATTEMPT);
		assertThat(new String(request.body(), StandardCharsets.UTF_8))
			.doesNotContain("MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw")
			.doesNotContain("receiver.test");
	}

	/** Computes the signature independently, the way a receiver would. */
	private static String hmac(String signedContent) throws Exception {
		byte[] key = Base64.getDecoder().decode(SECRET.substring("whsec_".length()));
		Mac mac = Mac.getInstance("HmacSHA256");
		mac.init(new SecretKeySpec(key, "HmacSHA256"));
		return Base64.getEncoder().encodeToString(mac.doFinal(signedContent.getBytes(StandardCharsets.UTF_8)));
	}

}
