package dev.usagemonitor.notify;

import java.time.Instant;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static dev.usagemonitor.notify.SampleEvents.event;
import static dev.usagemonitor.notify.SampleEvents.notification;
import static dev.usagemonitor.notify.SampleEvents.titled;
import static org.assertj.core.api.Assertions.assertThat;

class TeamsFormatTests {

	private final JsonMapper json = JsonMapper.builder().build();

	private final TeamsFormat format = new TeamsFormat(this.json);

	private final Channel channel = SampleEvents.channel(ChannelType.TEAMS,
			"https://prod.workflows.test/workflows/1/triggers/manual/paths/invoke?sig=abc");

	@Test
	void messageWrapsAdaptiveCard() {
		JsonNode message = render(notification(event(1, "exhausted", "firing")));
		assertThat(message.path("type").asString()).isEqualTo("message");
		JsonNode attachment = message.path("attachments").get(0);
		assertThat(attachment.path("contentType").asString()).isEqualTo("application/vnd.microsoft.card.adaptive");
		JsonNode card = attachment.path("content");
		assertThat(card.path("type").asString()).isEqualTo("AdaptiveCard");
		assertThat(card.path("version").asString()).isEqualTo("1.4");
		assertThat(card.path("$schema").asString()).isEqualTo("http://adaptivecards.io/schemas/adaptive-card.json");
		assertThat(card.path("body").get(0).path("text").asString()).isEqualTo("personal: weekly limit at 91 %");
		assertThat(card.path("body").get(1).path("color").asString()).isEqualTo("Attention");
		assertThat(card.path("body").get(2).path("text").asString()).startsWith("personal: weekly limit (all models)");
		assertThat(card.path("body").get(2).path("wrap").asBoolean()).isTrue();
		assertThat(card.path("actions").get(0).path("type").asString()).isEqualTo("Action.OpenUrl");
		assertThat(card.path("actions").get(0).path("url").asString()).isEqualTo("https://usage.example.test/");
	}

	@Test
	void largeGroupStaysUnderSizeLimit() {
		OutgoingRequest request = this.format.format(SampleEvents.manyEvents(200, 3000), this.channel, Instant.EPOCH);
		assertThat(request.body().length).isLessThanOrEqualTo(TeamsFormat.MAX_BYTES);
		JsonNode body = this.json.readTree(request.body()).path("attachments").get(0).path("content").path("body");
		assertThat(body.get(body.size() - 1).path("text").asString()).matches("…and \\d+ more events\\.");
	}

	@Test
	void longMessageIsShortenedNotDropped() {
		JsonNode message = render(notification(titled(1, "title", "x".repeat(50_000))));
		String text = message.path("attachments").get(0).path("content").path("body").get(2).path("text").asString();
		assertThat(text).startsWith("xxx").endsWith("…");
		assertThat(text.length()).isLessThanOrEqualTo(1000);
	}

	private JsonNode render(Notification notification) {
		return this.json.readTree(this.format.format(notification, this.channel, Instant.EPOCH).body());
	}

}
