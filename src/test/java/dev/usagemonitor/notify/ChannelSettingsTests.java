package dev.usagemonitor.notify;

import java.time.Duration;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class ChannelSettingsTests {

	private static final String SECRET = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw";

	private static final String SLACK_URL = "https://hooks.slack.com/services/T000/B000/XXXXSECRETXXXX";

	@Test
	void validChannelsAreBuilt() {
		List<Channel> channels = ChannelSettings.validate(List.of(
				channel("team-slack", "slack", SLACK_URL, null, null, "warning", List.of("work")),
				channel("hook", "webhook", "https://example.test/hooks/usage", SECRET, null, "info", List.of()),
				channel("phone", "ntfy", "https://ntfy.example.test/claude", null, "tk_abc", "critical", List.of())),
				Set.of("work", "personal"));
		assertThat(channels).extracting(Channel::name).containsExactly("team-slack", "hook", "phone");
		assertThat(channels.get(0).type()).isEqualTo(ChannelType.SLACK);
		assertThat(channels.get(0).minSeverity()).isEqualTo(Severity.WARNING);
		assertThat(channels.get(0).accounts()).containsExactly("work");
		assertThat(channels.get(0).minInterval()).isEqualTo(Duration.ofSeconds(1));
		assertThat(channels.get(1).secret()).isEqualTo(SECRET);
		assertThat(channels.get(2).token()).isEqualTo("tk_abc");
	}

	@Test
	void minIntervalOverridesTypeDefault() {
		ChannelProperties properties = new ChannelProperties("team", "slack", SLACK_URL, null, null, "info", List.of(),
				Duration.ofSeconds(3));
		Channel channel = ChannelSettings.validate(List.of(properties), Set.of()).get(0);
		assertThat(channel.minInterval()).isEqualTo(Duration.ofSeconds(3));
	}

	@Test
	void missingNameTypeAndUrlAreNamed() {
		assertThat(problems(channel(null, null, null, null, null, "info", List.of()))).containsExactly(
				"monitor.channels[0].name is missing: set a unique name such as 'team-slack'",
				"monitor.channels[0].type is missing: use one of slack, discord, teams, ntfy, webhook",
				"monitor.channels[0].url is missing: set the webhook URL of the channel"
						+ " (for ntfy the server and topic, such as https://ntfy.sh/my-topic)");
	}

	@Test
	void unknownTypeIsNamed() {
		assertThat(problems(channel("x", "email", SLACK_URL, null, null, "info", List.of())))
			.containsExactly("monitor.channels[0].type 'email' is not supported: use one of slack, discord, teams,"
					+ " ntfy, webhook");
	}

	@Test
	void duplicateNameIsNamed() {
		List<String> problems = problems(channel("team", "slack", SLACK_URL, null, null, "info", List.of()),
				channel("team", "discord", "https://discord.test/api/webhooks/1/abc", null, null, "info", List.of()));
		assertThat(problems).containsExactly(
				"monitor.channels[1].name 'team' is already used by monitor.channels[0]: give each channel its own name");
	}

	@Test
	void invalidNameIsNamed() {
		assertThat(problems(channel("team slack", "slack", SLACK_URL, null, null, "info", List.of()))).singleElement()
			.asString()
			.startsWith("monitor.channels[0].name 'team slack' is invalid");
	}

	@Test
	void invalidUrlIsNamedWithoutItsValue() {
		List<String> problems = problems(
				channel("team", "slack", "ftp://hooks.slack.test/SECRETPATH", null, null, "info", List.of()));
		assertThat(problems).singleElement().asString().startsWith("monitor.channels[0].url is not an absolute http");
		assertThat(problems.get(0)).doesNotContain("SECRETPATH");
	}

	@Test
	void ntfyUrlNeedsTopic() {
		assertThat(problems(channel("phone", "ntfy", "https://ntfy.sh/", null, null, "info", List.of())))
			.singleElement()
			.asString()
			.startsWith("monitor.channels[0].url has no topic");
	}

	@Test
	void invalidSecretIsNamedWithoutItsValue() {
		List<String> problems = problems(
				channel("hook", "webhook", "https://example.test/h", "whsec_tooShort", null, "info", List.of()));
		assertThat(problems).singleElement()
			.asString()
			.startsWith("monitor.channels[0].secret is not a valid Standard Webhooks secret")
			.doesNotContain("tooShort");
	}

	@Test
	void secretOnOtherTypeIsNamed() {
		assertThat(problems(channel("team", "slack", SLACK_URL, SECRET, null, "info", List.of())))
			.containsExactly("monitor.channels[0].secret is only used by type webhook: remove it");
	}

	@Test
	void tokenOnOtherTypeIsNamed() {
		assertThat(problems(channel("team", "slack", SLACK_URL, null, "tk_x", "info", List.of())))
			.containsExactly("monitor.channels[0].token is only used by type ntfy: remove it");
	}

	@Test
	void unknownMinSeverityIsNamed() {
		assertThat(problems(channel("team", "slack", SLACK_URL, null, null, "error", List.of()))).containsExactly(
				"monitor.channels[0].min-severity 'error' is not supported: use one of info, warning, critical,"
						+ " exhausted");
	}

	@Test
	void unknownAccountIsNamed() {
		assertThat(problems(channel("team", "slack", SLACK_URL, null, null, "info", List.of("wrok")))).singleElement()
			.asString()
			.startsWith("monitor.channels[0].accounts contains 'wrok', which is not a configured account")
			.contains("[work]");
	}

	@Test
	void negativeMinIntervalIsNamed() {
		ChannelProperties properties = new ChannelProperties("team", "slack", SLACK_URL, null, null, "info", List.of(),
				Duration.ofSeconds(-1));
		assertThatExceptionOfType(InvalidChannelConfigurationException.class)
			.isThrownBy(() -> ChannelSettings.validate(List.of(properties), Set.of()))
			.satisfies((ex) -> assertThat(ex.problems()).singleElement()
				.asString()
				.startsWith("monitor.channels[0].min-interval PT-1S is negative"));
	}

	@Test
	void everyProblemIsReportedAtOnce() {
		assertThat(problems(channel("a", "email", SLACK_URL, null, null, "info", List.of()),
				channel("b", "slack", null, null, null, "info", List.of())))
			.hasSize(2);
	}

	@Test
	void exceptionMessageListsProblemsButNoSecret() {
		assertThatExceptionOfType(InvalidChannelConfigurationException.class)
			.isThrownBy(() -> ChannelSettings.validate(
					List.of(channel("team", "slack", SLACK_URL, null, "tk_secret_token", "info", List.of())), Set.of()))
			.withMessageStartingWith("Invalid notification channel configuration:\n - monitor.channels[0].token")
			.withMessageNotContaining("tk_secret_token")
			.withMessageNotContaining("XXXXSECRETXXXX");
	}

	@Test
	void channelToStringHidesSecrets() {
		Channel channel = ChannelSettings
			.validate(List.of(channel("hook", "webhook", SLACK_URL, SECRET, null, "info", List.of())), Set.of())
			.get(0);
		assertThat(channel.toString()).contains("https://hooks.slack.com/***")
			.doesNotContain("XXXXSECRETXXXX")
			.doesNotContain(SECRET);
	}

	@Test
	void scrubRemovesUrlPathAndToken() {
		Channel channel = ChannelSettings
			.validate(List.of(channel("phone", "ntfy", "https://ntfy.test/my-secret-topic", null, "tk_abcdef", "info",
					List.of())), Set.of())
			.get(0);
		assertThat(channel.scrub("POST https://ntfy.test/my-secret-topic failed for /my-secret-topic with tk_abcdef"))
			.isEqualTo("POST [redacted] failed for [redacted] with [redacted]");
	}

	private static List<String> problems(ChannelProperties... channels) {
		try {
			ChannelSettings.validate(List.of(channels), Set.of("work"));
			return List.of();
		}
		catch (InvalidChannelConfigurationException ex) {
			return ex.problems();
		}
	}

	private static ChannelProperties channel(String name, String type, String url, String secret, String token,
			String minSeverity, List<String> accounts) {
		return new ChannelProperties(name, type, url, secret, token, minSeverity, accounts, null);
	}

}
