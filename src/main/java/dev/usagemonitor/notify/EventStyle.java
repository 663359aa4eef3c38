package dev.usagemonitor.notify;

/**
 * Presentation of an event in each service: emoji short code (Slack and ntfy tags), embed
 * color (Discord), text color (Adaptive Cards) and ntfy priority.
 */
enum EventStyle {

	GOOD_NEWS("white_check_mark", 0x2E7D32, "Good", 3),

	WARNING("warning", 0xF9A825, "Warning", 4),

	CRITICAL("rotating_light", 0xD32F2F, "Attention", 5),

	EXHAUSTED("no_entry", 0x8E0000, "Attention", 5);

	private final String emoji;

	private final int color;

	private final String cardColor;

	private final int ntfyPriority;

	EventStyle(String emoji, int color, String cardColor, int ntfyPriority) {
		this.emoji = emoji;
		this.color = color;
		this.cardColor = cardColor;
		this.ntfyPriority = ntfyPriority;
	}

	/**
	 * Returns the style of an event: resolved and informational events (such as a window
	 * reset) are good news, firing ones follow their level.
	 */
	static EventStyle of(NotifiedEvent event) {
		if (event.isGoodNews()) {
			return GOOD_NEWS;
		}
		return switch (event.severity()) {
			case EXHAUSTED -> EXHAUSTED;
			case CRITICAL -> CRITICAL;
			case WARNING, INFO -> WARNING;
		};
	}

	String emoji() {
		return this.emoji;
	}

	int color() {
		return this.color;
	}

	String cardColor() {
		return this.cardColor;
	}

	int ntfyPriority() {
		return this.ntfyPriority;
	}

}
