package dev.usagemonitor.notify;

import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Validates the {@code monitor.channels} properties and turns them into {@link Channel}s.
 * Every problem is collected, so one start-up names all bad properties at once. Messages
 * never repeat a URL, secret or token.
 */
final class ChannelSettings {

	private static final Pattern NAME = Pattern.compile("[A-Za-z0-9_-]{1,64}");

	private final Set<String> accountNames;

	private final List<String> problems = new ArrayList<>();

	private final Map<String, Integer> namesSeen = new HashMap<>();

	private ChannelSettings(Set<String> accountNames) {
		this.accountNames = accountNames;
	}

	/**
	 * Returns the validated channels.
	 * @param properties the bound {@code monitor.channels} list
	 * @param accountNames names of the configured accounts
	 * @throws InvalidChannelConfigurationException naming every invalid property
	 */
	static List<Channel> validate(List<ChannelProperties> properties, Set<String> accountNames) {
		ChannelSettings settings = new ChannelSettings(accountNames);
		List<Channel> channels = new ArrayList<>();
		for (int index = 0; index < properties.size(); index++) {
			Channel channel = settings.channel(index, properties.get(index));
			if (channel != null) {
				channels.add(channel);
			}
		}
		if (!settings.problems.isEmpty()) {
			throw new InvalidChannelConfigurationException(settings.problems);
		}
		return List.copyOf(channels);
	}

	private Channel channel(int index, ChannelProperties properties) {
		String prefix = "monitor.channels[" + index + "].";
		int problemsBefore = this.problems.size();
		String name = name(prefix, index, properties.name());
		ChannelType type = type(prefix, properties.type());
		URI url = url(prefix, type, properties.url());
		String secret = secret(prefix, type, blankToNull(properties.secret()));
		String token = token(prefix, type, blankToNull(properties.token()));
		Severity minSeverity = minSeverity(prefix, properties.minSeverity());
		Set<String> accounts = accounts(prefix, properties.accounts());
		Duration minInterval = minInterval(prefix, type, properties.minInterval());
		if (this.problems.size() > problemsBefore) {
			return null;
		}
		return new Channel(name, type, url, secret, token, minSeverity, accounts, minInterval);
	}

	private String name(String prefix, int index, String name) {
		if (name == null || name.isBlank()) {
			this.problems.add(prefix + "name is missing: set a unique name such as 'team-slack'");
		}
		else if (!NAME.matcher(name).matches()) {
			this.problems.add(prefix + "name '" + name
					+ "' is invalid: use at most 64 letters, digits, '-' and '_', such as 'team-slack'");
		}
		else if (this.namesSeen.containsKey(name)) {
			this.problems.add(prefix + "name '" + name + "' is already used by monitor.channels["
					+ this.namesSeen.get(name) + "]: give each channel its own name");
		}
		else {
			this.namesSeen.put(name, index);
		}
		return name;
	}

	private ChannelType type(String prefix, String type) {
		ChannelType parsed = ChannelType.of(type).orElse(null);
		if (parsed == null) {
			String description = (type == null || type.isBlank()) ? "is missing" : "'" + type + "' is not supported";
			this.problems.add(prefix + "type " + description + ": use one of " + ChannelType.allValues());
		}
		return parsed;
	}

	private URI url(String prefix, ChannelType type, String url) {
		if (url == null || url.isBlank()) {
			this.problems.add(prefix + "url is missing: set the webhook URL of the channel"
					+ " (for ntfy the server and topic, such as https://ntfy.sh/my-topic)");
			return null;
		}
		URI parsed = parseHttpUrl(url);
		if (parsed == null) {
			this.problems.add(prefix + "url is not an absolute http or https URL (value not problem because it is"
					+ " a secret): copy the whole webhook URL from the service");
		}
		else if (type == ChannelType.NTFY && (parsed.getPath() == null || parsed.getPath().length() < 2)) {
			this.problems.add(prefix + "url has no topic: use the server followed by the topic,"
					+ " such as https://ntfy.sh/my-topic");
		}
		return parsed;
	}

	private String secret(String prefix, ChannelType type, String secret) {
		if (secret == null) {
			return null;
		}
		if (type != null && type != ChannelType.WEBHOOK) {
			this.problems.add(prefix + "secret is only used by type webhook: remove it");
		}
		else if (WebhookSignature.decodeSecret(secret).isEmpty()) {
			this.problems.add(prefix + "secret is not a valid Standard Webhooks secret (value not problem):"
					+ " use 'whsec_' followed by the base64 of 24 to 64 random bytes,"
					+ " for example 'whsec_' and the output of 'openssl rand -base64 32'");
		}
		return secret;
	}

	private String token(String prefix, ChannelType type, String token) {
		if (token != null && type != null && type != ChannelType.NTFY) {
			this.problems.add(prefix + "token is only used by type ntfy: remove it");
		}
		return token;
	}

	private Severity minSeverity(String prefix, String minSeverity) {
		Severity parsed = Severity.of(minSeverity).orElse(null);
		if (parsed == null) {
			this.problems.add(
					prefix + "min-severity '" + minSeverity + "' is not supported: use one of " + Severity.allValues());
		}
		return parsed;
	}

	private Set<String> accounts(String prefix, List<String> accounts) {
		Set<String> names = new LinkedHashSet<>(accounts);
		for (String account : names) {
			if (!this.accountNames.contains(account)) {
				this.problems.add(prefix + "accounts contains '" + account
						+ "', which is not a configured account: use names from monitor.accounts[N].name "
						+ (this.accountNames.isEmpty() ? "(none configured)" : this.accountNames.toString()));
			}
		}
		return Set.copyOf(names);
	}

	private Duration minInterval(String prefix, ChannelType type, Duration minInterval) {
		if (minInterval != null && minInterval.isNegative()) {
			this.problems.add(prefix + "min-interval " + minInterval + " is negative: use 0s or more, such as 1s");
		}
		if (minInterval != null) {
			return minInterval;
		}
		return (type != null) ? type.defaultMinInterval() : Duration.ZERO;
	}

	private static URI parseHttpUrl(String url) {
		try {
			URI uri = new URI(url.trim());
			boolean http = "http".equalsIgnoreCase(uri.getScheme()) || "https".equalsIgnoreCase(uri.getScheme());
			return (http && uri.getHost() != null) ? uri : null;
		}
		catch (URISyntaxException ex) {
			return null;
		}
	}

	private static String blankToNull(String value) {
		return (value == null || value.isBlank()) ? null : value.trim();
	}

}
