package dev.usagemonitor.notify;

import java.time.Instant;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static dev.usagemonitor.notify.SampleEvents.event;
import static dev.usagemonitor.notify.SampleEvents.notification;
import static dev.usagemonitor.notify.SampleEvents.titled;
import static org.assertj.core.api.Assertions.assertThat;

class SlackFormatTests {

	private final JsonMapper json = JsonMapper.builder().build();

	private final SlackFormat format = new SlackFormat(this.json);

	private final Channel channel = SampleEvents.channel(ChannelType.SLACK, "https://hooks.slack.test/services/X");

	@Test
	void singleEventHasFallbackTextAndBlocks() {
		JsonNode message = render(notification(event(1, "critical", "firing")));
		assertThat(message.path("text").asString())
			.isEqualTo("personal: weekly limit at 91 %: personal: weekly limit (all models) at 91 % — resets Tue"
					+ " 09:00 UTC");
		assertThat(message.path("blocks").get(0).path("type").asString()).isEqualTo("header");
		assertThat(message.path("blocks").get(0).path("text").path("type").asString()).isEqualTo("plain_text");
		assertThat(message.path("blocks").get(1).path("text").path("text").asString())
			.startsWith(":rotating_light: *personal: weekly limit at 91 %*\n");
		assertThat(message.path("blocks").get(2).path("elements").get(0).path("text").asString())
			.isEqualTo("<https://usage.example.test/|Open the dashboard>");
	}

	@Test
	void groupedEventsShareOneMessage() {
		JsonNode message = render(notification(event(1, "warning", "firing"), event(2, "info", "resolved")));
		assertThat(message.path("text").asString()).startsWith("personal: 2 usage alerts\n• ");
		assertThat(message.path("blocks")).hasSize(4);
		assertThat(message.path("blocks").get(1).path("text").path("text").asString()).startsWith(":warning:");
		assertThat(message.path("blocks").get(2).path("text").path("text").asString()).startsWith(":white_check_mark:");
	}

	@Test
	void markupCharactersAreEscaped() {
		JsonNode message = render(notification(titled(1, "<!channel> & co", "use <@U123> & <https://x|y>")));
		String section = message.path("blocks").get(1).path("text").path("text").asString();
		assertThat(section).contains("&lt;!channel&gt; &amp; co").contains("use &lt;@U123&gt; &amp;");
		assertThat(message.path("text").asString()).doesNotContain("<!channel>");
	}

	@Test
	void longTextStaysWithinBlockLimits() {
		JsonNode message = render(notification(titled(1, "T".repeat(400), "&".repeat(10_000))));
		assertThat(message.path("text").asString().length()).isLessThanOrEqualTo(SlackFormat.MAX_TEXT);
		assertThat(message.path("blocks").get(0).path("text").path("text").asString().length())
			.isLessThanOrEqualTo(SlackFormat.MAX_HEADER);
		String section = message.path("blocks").get(1).path("text").path("text").asString();
		assertThat(section.length()).isLessThanOrEqualTo(SlackFormat.MAX_SECTION);
		assertThat(section).endsWith("&amp;…");
	}

	@Test
	void manyEventsStayWithinFiftyBlocks() {
		JsonNode message = render(SampleEvents.manyEvents(80, 100));
		JsonNode blocks = message.path("blocks");
		assertThat(blocks.size()).isEqualTo(SlackFormat.MAX_BLOCKS);
		assertThat(blocks.get(48).path("text").path("text").asString()).isEqualTo("…and 33 more events.");
		assertThat(blocks.get(49).path("type").asString()).isEqualTo("context");
	}

	@Test
	void requestGoesToWebhookUrlAsJson() {
		OutgoingRequest request = this.format.format(notification(event(1, "warning", "firing")), this.channel,
				Instant.EPOCH);
		assertThat(request.uri()).isEqualTo(this.channel.url());
		assertThat(request.headers()).containsEntry("Content-Type", "application/json");
	}

	private JsonNode render(Notification notification) {
		return this.json.readTree(this.format.format(notification, this.channel, Instant.EPOCH).body());
	}

}
