package dev.usagemonitor.notify;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.stream.IntStream;

/**
 * Events, notifications and channels with sensible defaults for format tests.
 */
final class SampleEvents {

	static final Instant OCCURRED_AT = Instant.parse("2026-03-03T08:00:00Z");

	static final Instant RESETS_AT = Instant.parse("2026-03-10T09:00:00Z");

	static final URI DASHBOARD = URI.create("https://usage.example.test/");

	private SampleEvents() {
	}

	static NotifiedEvent event(long id, String level, String state) {
		return new NotifiedEvent(id, "threshold", level, state, "seven_day", 91.0, RESETS_AT, OCCURRED_AT,
				"personal: weekly limit at 91 %", "personal: weekly limit (all models) at 91 % — resets Tue 09:00 UTC");
	}

	static NotifiedEvent titled(long id, String title, String message) {
		return new NotifiedEvent(id, "threshold", "critical", "firing", "seven_day", 91.0, RESETS_AT, OCCURRED_AT,
				title, message);
	}

	static Notification notification(NotifiedEvent... events) {
		return new Notification("msg_0123456789abcdef", "test", "personal", List.of(events), DASHBOARD);
	}

	static Notification manyEvents(int count, int messageLength) {
		List<NotifiedEvent> events = IntStream.rangeClosed(1, count)
			.mapToObj((id) -> titled(id, "Title " + id + " " + "t".repeat(300), "m".repeat(messageLength)))
			.toList();
		return new Notification("msg_many", "test", "personal", events, DASHBOARD);
	}

	static Channel channel(ChannelType type, String url) {
		return new Channel("test", type, URI.create(url), null, null, Severity.INFO, Set.of(), Duration.ZERO);
	}

	static Channel channel(ChannelType type, String url, String secret, String token) {
		return new Channel("test", type, URI.create(url), secret, token, Severity.INFO, Set.of(), Duration.ZERO);
	}

}
