package dev.usagemonitor.notify;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

import static dev.usagemonitor.notify.SampleEvents.event;
import static dev.usagemonitor.notify.SampleEvents.notification;
import static dev.usagemonitor.notify.SampleEvents.titled;
import static org.assertj.core.api.Assertions.assertThat;

class NtfyFormatTests {

	private final NtfyFormat format = new NtfyFormat();

	private final Channel channel = SampleEvents.channel(ChannelType.NTFY, "https://ntfy.test/claude-alerts");

	@Test
	void headersCarryTitlePriorityTagsAndClick() {
		OutgoingRequest request = this.format.format(notification(event(1, "warning", "firing")), this.channel,
				Instant.EPOCH);
		assertThat(request.uri()).hasToString("https://ntfy.test/claude-alerts");
		assertThat(request.headers()).containsEntry("Title", "personal: weekly limit at 91 %")
			.containsEntry("Priority", "4")
			.containsEntry("Tags", "warning")
			.containsEntry("Click", "https://usage.example.test/")
			.doesNotContainKey("Authorization");
		assertThat(new String(request.body(), StandardCharsets.UTF_8))
			.isEqualTo("personal: weekly limit (all models) at 91 % — resets Tue 09:00 UTC");
	}

	@ParameterizedTest
	@CsvSource({ "warning, firing, 4", "critical, firing, 5", "exhausted, firing, 5", "critical, resolved, 3",
			"info, firing, 3" })
	void priorityFollowsLevel(String level, String state, String priority) {
		OutgoingRequest request = this.format.format(notification(event(1, level, state)), this.channel, Instant.EPOCH);
		assertThat(request.headers()).containsEntry("Priority", priority);
	}

	@Test
	void groupTakesHighestPriorityAndAllTags() {
		OutgoingRequest request = this.format.format(
				notification(event(1, "warning", "firing"), event(2, "exhausted", "firing")), this.channel,
				Instant.EPOCH);
		assertThat(request.headers()).containsEntry("Priority", "5").containsEntry("Tags", "warning,no_entry");
		assertThat(request.headers()).containsEntry("Title", "personal: 2 usage alerts");
	}

	@Test
	void tokenIsSentAsBearer() {
		Channel withToken = SampleEvents.channel(ChannelType.NTFY, "https://ntfy.test/claude", null, "tk_secret");
		OutgoingRequest request = this.format.format(notification(event(1, "warning", "firing")), withToken,
				Instant.EPOCH);
		assertThat(request.headers()).containsEntry("Authorization", "Bearer tk_secret");
	}

	@Test
	void nonAsciiTitleIsEncodedWord() {
		OutgoingRequest request = this.format.format(notification(titled(1, "Müller — 91 %", "message")), this.channel,
				Instant.EPOCH);
		String title = request.headers().get("Title");
		assertThat(title).startsWith("=?UTF-8?B?").endsWith("?=");
		String encoded = title.substring("=?UTF-8?B?".length(), title.length() - 2);
		assertThat(new String(Base64.getDecoder().decode(encoded), StandardCharsets.UTF_8)).isEqualTo("Müller — 91 %");
	}

	@Test
	void lineBreaksNeverReachHeaders() {
		assertThat(NtfyFormat.headerValue("first\r\nsecond")).isEqualTo("first second");
	}

	@Test
	void longBodyIsShortenedToMessageLimit() {
		OutgoingRequest request = this.format.format(notification(titled(1, "title", "é".repeat(10_000))), this.channel,
				Instant.EPOCH);
		assertThat(request.body().length).isLessThanOrEqualTo(NtfyFormat.MAX_BODY_BYTES);
		assertThat(new String(request.body(), StandardCharsets.UTF_8)).endsWith("…");
	}

}
