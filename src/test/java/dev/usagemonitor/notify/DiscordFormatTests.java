package dev.usagemonitor.notify;

import java.time.Instant;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static dev.usagemonitor.notify.SampleEvents.event;
import static dev.usagemonitor.notify.SampleEvents.notification;
import static dev.usagemonitor.notify.SampleEvents.titled;
import static org.assertj.core.api.Assertions.assertThat;

class DiscordFormatTests {

	private final JsonMapper json = JsonMapper.builder().build();

	private final DiscordFormat format = new DiscordFormat(this.json);

	private final Channel channel = SampleEvents.channel(ChannelType.DISCORD, "https://discord.test/api/webhooks/1/x");

	@Test
	void singleEventBecomesOneEmbed() {
		JsonNode message = render(notification(event(7, "critical", "firing")));
		assertThat(message.path("content").asString()).isEqualTo("personal: weekly limit at 91 %");
		JsonNode embed = message.path("embeds").get(0);
		assertThat(message.path("embeds")).hasSize(1);
		assertThat(embed.path("title").asString()).isEqualTo("personal: weekly limit at 91 %");
		assertThat(embed.path("description").asString()).startsWith("personal: weekly limit (all models)");
		assertThat(embed.path("color").asInt()).isEqualTo(EventStyle.CRITICAL.color());
		assertThat(embed.path("url").asString()).isEqualTo("https://usage.example.test/");
		assertThat(embed.path("timestamp").asString()).isEqualTo("2026-03-03T08:00:00Z");
		assertThat(embed.path("fields").get(0).path("value").asString()).isEqualTo("critical (firing)");
		assertThat(embed.path("fields").get(1).path("value").asString()).isEqualTo("seven_day");
		assertThat(embed.path("fields").get(2).path("value").asString()).startsWith("<t:1773133200:f>");
	}

	@Test
	void mentionsAreNeverParsed() {
		JsonNode message = render(notification(titled(1, "@everyone", "@here <@123>")));
		assertThat(message.path("allowed_mentions").path("parse").isArray()).isTrue();
		assertThat(message.path("allowed_mentions").path("parse")).isEmpty();
	}

	@Test
	void veryLongMessageStaysWithinLimits() {
		JsonNode message = render(notification(titled(1, "T".repeat(1000), "m".repeat(20_000))));
		JsonNode embed = message.path("embeds").get(0);
		assertThat(embed.path("title").asString()).hasSize(DiscordFormat.MAX_TITLE);
		assertThat(embed.path("description").asString().length()).isLessThanOrEqualTo(DiscordFormat.MAX_DESCRIPTION);
		assertThat(embed.path("description").asString()).endsWith("…");
		assertThat(message.path("content").asString().length()).isLessThanOrEqualTo(DiscordFormat.MAX_CONTENT);
		assertThat(embedTotal(message)).isLessThanOrEqualTo(DiscordFormat.MAX_EMBED_TOTAL);
	}

	@Test
	void manyLongEventsShareTheTotalBudget() {
		JsonNode message = render(SampleEvents.manyEvents(14, 5000));
		JsonNode embeds = message.path("embeds");
		assertThat(embeds).hasSize(DiscordFormat.MAX_EMBEDS);
		assertThat(embedTotal(message)).isLessThanOrEqualTo(DiscordFormat.MAX_EMBED_TOTAL);
		assertThat(embeds.get(9).path("title").asString()).isEqualTo("…and 5 more events");
		for (JsonNode embed : embeds) {
			assertThat(embed.path("title").asString().length()).isLessThanOrEqualTo(DiscordFormat.MAX_TITLE);
			embed.path("fields")
				.forEach((field) -> assertThat(field.path("value").asString().length())
					.isLessThanOrEqualTo(DiscordFormat.MAX_FIELD_VALUE));
		}
	}

	@Test
	void shortDescriptionsKeepFullText() {
		JsonNode message = render(notification(titled(1, "short", "all fine"), titled(2, "long", "x".repeat(9000))));
		assertThat(message.path("embeds").get(0).path("description").asString()).isEqualTo("all fine");
		assertThat(message.path("embeds").get(1).path("description").asString()).endsWith("…");
		assertThat(embedTotal(message)).isLessThanOrEqualTo(DiscordFormat.MAX_EMBED_TOTAL);
	}

	@Test
	void resolvedEventIsGreen() {
		JsonNode message = render(notification(event(1, "critical", "resolved")));
		assertThat(message.path("embeds").get(0).path("color").asInt()).isEqualTo(EventStyle.GOOD_NEWS.color());
	}

	private static int embedTotal(JsonNode message) {
		int total = 0;
		for (JsonNode embed : message.path("embeds")) {
			total += embed.path("title").asString().length() + embed.path("description").asString().length();
			for (JsonNode field : embed.path("fields")) {
				total += field.path("name").asString().length() + field.path("value").asString().length();
			}
		}
		return total;
	}

	private JsonNode render(Notification notification) {
		return this.json.readTree(this.format.format(notification, this.channel, Instant.EPOCH).body());
	}

}
