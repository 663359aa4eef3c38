package dev.usagemonitor.collect;

import java.util.List;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import dev.usagemonitor.config.AccountProperties;
import dev.usagemonitor.config.ConfiguredAccounts;
import dev.usagemonitor.config.MonitorProperties;

import static org.assertj.core.api.Assertions.assertThat;

class SecretRedactorTests {

	private static final String SESSION_KEY = "sk-ant-sid02-REDACTOR-TEST";

	private static final String PUSH_TOKEN = "opaque-push-secret";

	private final SecretRedactor redactor = new SecretRedactor(accounts(), JsonMapper.builder().build());

	@Test
	void configuredSecretsAreReplaced() {
		assertThat(this.redactor.redact("cookie sessionKey=" + SESSION_KEY + " and " + PUSH_TOKEN))
			.isEqualTo("cookie sessionKey=[redacted] and [redacted]");
	}

	@Test
	void unknownAnthropicKeysAreReplaced() {
		assertThat(this.redactor.redact("token sk-ant-oat01-abcdEFGH_1234-xyz expired"))
			.isEqualTo("token sk-ant-[redacted] expired");
	}

	@Test
	void registeredSecretsAreReplaced() {
		this.redactor.register("rotated-opaque-token");
		this.redactor.register("abc");
		assertThat(this.redactor.redact("got rotated-opaque-token for abc")).isEqualTo("got [redacted] for abc");
	}

	@Test
	void tokenFieldsOfJsonBodiesAreReplaced() {
		String body = this.redactor.redactBody("""
				{"access_token":"opaque-1","refresh_token":"opaque-2","expires_in":28800,
				 "nested":[{"sessionKey":"opaque-3"}],"scope":"user:profile"}
				""");
		assertThat(body).doesNotContain("opaque-1", "opaque-2", "opaque-3")
			.contains("\"expires_in\":28800")
			.contains("\"scope\":\"user:profile\"");
	}

	@Test
	void htmlBodiesKeepTheirText() {
		String page = "<html><title>Just a moment...</title>" + SESSION_KEY + "</html>";
		assertThat(this.redactor.redactBody(page)).isEqualTo("<html><title>Just a moment...</title>[redacted]</html>");
	}

	private static ConfiguredAccounts accounts() {
		return new ConfiguredAccounts(new MonitorProperties(
				List.of(new AccountProperties("web", "claude-web", SESSION_KEY, null, null, null, null, null),
						new AccountProperties("laptop", "push", null, null, null, null, null, PUSH_TOKEN)),
				null, null, null, null, null));
	}

}
