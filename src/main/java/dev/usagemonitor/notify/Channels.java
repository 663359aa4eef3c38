package dev.usagemonitor.notify;

import java.util.List;
import java.util.Optional;

/**
 * The validated channels of {@code monitor.channels}, in configuration order.
 */
class Channels {

	private final List<Channel> channels;

	Channels(List<Channel> channels) {
		this.channels = List.copyOf(channels);
	}

	List<Channel> all() {
		return this.channels;
	}

	Optional<Channel> find(String name) {
		return this.channels.stream().filter((channel) -> channel.name().equals(name)).findFirst();
	}

}
