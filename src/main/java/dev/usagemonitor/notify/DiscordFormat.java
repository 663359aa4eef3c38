package dev.usagemonitor.notify;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Discord webhook message: one embed per event within Discord's limits (content 2000
 * characters, 10 embeds, title 256, description 4096, field value 1024, 6000 characters
 * summed over all embeds) and {@code allowed_mentions} that parse nothing, so no text
 * pings anyone.
 */
class DiscordFormat implements MessageFormat {

	static final int MAX_CONTENT = 2000;

	static final int MAX_EMBEDS = 10;

	static final int MAX_TITLE = 256;

	static final int MAX_DESCRIPTION = 4096;

	static final int MAX_FIELD_VALUE = 1024;

	static final int MAX_EMBED_TOTAL = 6000;

	private final JsonMapper json;

	DiscordFormat(JsonMapper json) {
		this.json = json;
	}

	@Override
	public OutgoingRequest format(Notification notification, Channel channel, Instant attemptAt) {
		List<EmbedDraft> drafts = drafts(notification.events());
		fitDescriptions(drafts);
		ObjectNode message = this.json.createObjectNode();
		message.put("username", "Claude usage monitor");
		message.put("content", TextLimits.shorten(notification.headline(), MAX_CONTENT));
		ArrayNode embeds = message.putArray("embeds");
		drafts.forEach((draft) -> embeds.add(embed(draft, notification)));
		message.putObject("allowed_mentions").putArray("parse");
		return new OutgoingRequest(channel.url(), Map.of("Content-Type", "application/json"),
				this.json.writeValueAsBytes(message));
	}

	private static List<EmbedDraft> drafts(List<NotifiedEvent> events) {
		int embedded = (events.size() <= MAX_EMBEDS) ? events.size() : MAX_EMBEDS - 1;
		List<EmbedDraft> drafts = new ArrayList<>();
		events.subList(0, embedded).forEach((event) -> drafts.add(EmbedDraft.of(event)));
		if (embedded < events.size()) {
			drafts.add(EmbedDraft.overflow(events.subList(embedded, events.size())));
		}
		return drafts;
	}

	/**
	 * Shortens descriptions so that all embeds together stay within 6000 characters: the
	 * remaining budget is shared out, short descriptions keep their full text and long
	 * ones share the rest equally.
	 */
	private static void fitDescriptions(List<EmbedDraft> drafts) {
		int budget = MAX_EMBED_TOTAL - drafts.stream().mapToInt(EmbedDraft::fixedLength).sum();
		List<Integer> byLength = IntStream.range(0, drafts.size())
			.boxed()
			.sorted(Comparator.comparingInt((Integer index) -> drafts.get(index).description.length()))
			.toList();
		int left = drafts.size();
		for (int index : byLength) {
			EmbedDraft draft = drafts.get(index);
			int share = Math.min(MAX_DESCRIPTION, Math.max(budget, 0) / left);
			draft.description = TextLimits.shorten(draft.description, share);
			budget -= draft.description.length();
			left--;
		}
	}

	private ObjectNode embed(EmbedDraft draft, Notification notification) {
		ObjectNode embed = this.json.createObjectNode();
		embed.put("title", draft.title);
		embed.put("description", draft.description);
		embed.put("color", draft.color);
		if (notification.dashboardUrl() != null) {
			embed.put("url", notification.dashboardUrl().toString());
		}
		if (draft.timestamp != null) {
			embed.put("timestamp", draft.timestamp.toString());
		}
		ArrayNode fields = embed.putArray("fields");
		draft.fields
			.forEach((name, value) -> fields.addObject().put("name", name).put("value", value).put("inline", true));
		return embed;
	}

	/**
	 * An embed before its description is fitted into the shared budget.
	 */
	private static final class EmbedDraft {

		private final String title;

		private String description;

		private final int color;

		private final Instant timestamp;

		private final Map<String, String> fields;

		private EmbedDraft(String title, String description, int color, Instant timestamp, Map<String, String> fields) {
			this.title = TextLimits.shorten(title, MAX_TITLE);
			this.description = description;
			this.color = color;
			this.timestamp = timestamp;
			this.fields = fields;
		}

		static EmbedDraft of(NotifiedEvent event) {
			Map<String, String> fields = new LinkedHashMap<>();
			fields.put("Level", TextLimits.shorten(event.level() + " (" + event.state() + ")", MAX_FIELD_VALUE));
			if (!event.windowId().isEmpty()) {
				fields.put("Window", TextLimits.shorten(event.windowId(), MAX_FIELD_VALUE));
			}
			if (event.resetsAt() != null) {
				long epoch = event.resetsAt().getEpochSecond();
				fields.put("Resets", "<t:" + epoch + ":f> (<t:" + epoch + ":R>)");
			}
			return new EmbedDraft(event.title(), event.message(), EventStyle.of(event).color(), event.occurredAt(),
					fields);
		}

		static EmbedDraft overflow(List<NotifiedEvent> rest) {
			StringBuilder titles = new StringBuilder();
			rest.forEach((event) -> titles.append("• ").append(event.title()).append('\n'));
			return new EmbedDraft("…and " + rest.size() + " more events", titles.toString().strip(),
					EventStyle.WARNING.color(), null, Map.of());
		}

		/**
		 * Returns the characters Discord counts towards the 6000 total, without the
		 * description.
		 */
		int fixedLength() {
			int fieldsLength = this.fields.entrySet()
				.stream()
				.mapToInt((field) -> field.getKey().length() + field.getValue().length())
				.sum();
			return this.title.length() + fieldsLength;
		}

	}

}
