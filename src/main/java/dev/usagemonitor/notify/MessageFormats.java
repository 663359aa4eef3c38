package dev.usagemonitor.notify;

import java.util.EnumMap;
import java.util.Map;

import tools.jackson.databind.json.JsonMapper;

/**
 * The message format of each channel type.
 */
class MessageFormats {

	private final Map<ChannelType, MessageFormat> formats = new EnumMap<>(ChannelType.class);

	MessageFormats(JsonMapper json) {
		this.formats.put(ChannelType.SLACK, new SlackFormat(json));
		this.formats.put(ChannelType.DISCORD, new DiscordFormat(json));
		this.formats.put(ChannelType.TEAMS, new TeamsFormat(json));
		this.formats.put(ChannelType.NTFY, new NtfyFormat());
		this.formats.put(ChannelType.WEBHOOK, new WebhookFormat(json));
	}

	MessageFormat of(ChannelType type) {
		return this.formats.get(type);
	}

}
