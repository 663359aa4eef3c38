package dev.usagemonitor.config;

import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class ConfiguredAccountsTests {

	private static final String SESSION_KEY = "sk-ant-sid02-CONFIG-TEST-SECRET";

	@Test
	void validAccountsAreBound() {
		List<Account> accounts = ConfiguredAccounts.bind(List.of(web("work-max", " " + SESSION_KEY + "\n"),
				oauth("home", "2026-09-14T20:00:00.123456+02:00"), push("laptop")));
		assertThat(accounts).extracting(Account::name).containsExactly("work-max", "home", "laptop");
		assertThat(accounts.get(0).sessionKey()).isEqualTo(SESSION_KEY);
		assertThat(accounts.get(1).expiresAt()).isEqualTo(Instant.parse("2026-09-14T18:00:00.123456Z"));
		assertThat(accounts.get(2).source()).isEqualTo(AccountSource.PUSH);
	}

	@Test
	void collectedLeavesOutPushAccounts() {
		ConfiguredAccounts accounts = new ConfiguredAccounts(properties(web("a", SESSION_KEY), push("b")));
		assertThat(accounts.collected()).extracting(Account::name).containsExactly("a");
		assertThat(accounts.find("b")).isPresent();
	}

	@Test
	void expiryInEpochMillisecondsIsAccepted() {
		Account account = ConfiguredAccounts.bind(List.of(oauth("home", "1789488000000"))).get(0);
		assertThat(account.expiresAt()).isEqualTo(Instant.ofEpochMilli(1789488000000L));
	}

	@Test
	void toStringHidesSecrets() {
		Account account = ConfiguredAccounts.bind(List.of(web("work", SESSION_KEY))).get(0);
		assertThat(account.toString()).doesNotContain(SESSION_KEY);
		assertThat(web("work", SESSION_KEY).toString()).doesNotContain(SESSION_KEY);
	}

	@Test
	void missingSessionKeyNamesPropertyAndFix() {
		ConfigurationProblem problem = singleProblem(web("ok", SESSION_KEY), web("work", null));
		assertThat(problem.property()).isEqualTo("monitor.accounts[1].session-key");
		assertThat(problem.problem()).contains("missing");
		assertThat(problem.fix()).contains("sessionKey cookie").contains("MONITOR_ACCOUNTS_1_SESSIONKEY");
	}

	@Test
	void malformedNameIsRejected() {
		for (String name : List.of("Work", "work max", "-work", "work-", "work--max", "a".repeat(41))) {
			ConfigurationProblem problem = singleProblem(web(name, SESSION_KEY));
			assertThat(problem.property()).isEqualTo("monitor.accounts[0].name");
			assertThat(problem.fix()).contains("lower-case letters");
		}
	}

	@Test
	void duplicateNameNamesEarlierAccount() {
		ConfigurationProblem problem = singleProblem(web("work", SESSION_KEY), push("work"));
		assertThat(problem.property()).isEqualTo("monitor.accounts[1].name");
		assertThat(problem.problem()).contains("monitor.accounts[0]");
	}

	@Test
	void unknownSourceIsRejected() {
		ConfigurationProblem problem = singleProblem(
				new AccountProperties("work", "cookie", SESSION_KEY, null, null, null, null, null));
		assertThat(problem.property()).isEqualTo("monitor.accounts[0].source");
		assertThat(problem.problem()).contains("'cookie'");
		assertThat(problem.fix()).contains("claude-web, oauth or push");
	}

	@Test
	void missingSourceIsRejected() {
		ConfigurationProblem problem = singleProblem(
				new AccountProperties("work", null, SESSION_KEY, null, null, null, null, null));
		assertThat(problem.property()).isEqualTo("monitor.accounts[0].source");
	}

	@Test
	void oauthNeedsBothTokens() {
		InvalidConfigurationException ex = invalid(
				new AccountProperties("home", "oauth", null, null, null, null, null, null));
		assertThat(ex.problems()).extracting(ConfigurationProblem::property)
			.containsExactly("monitor.accounts[0].access-token", "monitor.accounts[0].refresh-token");
	}

	@Test
	void pushNeedsPushToken() {
		ConfigurationProblem problem = singleProblem(
				new AccountProperties("laptop", "push", null, null, null, null, null, " "));
		assertThat(problem.property()).isEqualTo("monitor.accounts[0].push-token");
	}

	@Test
	void badExpiryIsRejected() {
		ConfigurationProblem problem = singleProblem(oauth("home", "tomorrow"));
		assertThat(problem.property()).isEqualTo("monitor.accounts[0].expires-at");
		assertThat(problem.problem()).contains("ISO-8601");
		assertThat(problem.fix()).contains("2026-09-14T12:00:00Z");
	}

	@Test
	void badOrganizationIdIsRejected() {
		ConfigurationProblem problem = singleProblem(
				new AccountProperties("work", "claude-web", SESSION_KEY, "../admin", null, null, null, null));
		assertThat(problem.property()).isEqualTo("monitor.accounts[0].organization-id");
	}

	@Test
	void innerWhitespaceInSecretRejected() {
		String broken = "sk-ant-sid02-BROKEN PART-SECRET";
		InvalidConfigurationException ex = invalid(web("work", broken));
		assertThat(ex.problems()).singleElement()
			.satisfies((problem) -> assertThat(problem.property()).isEqualTo("monitor.accounts[0].session-key"));
		assertThat(ex.getMessage()).doesNotContain("BROKEN");
	}

	@Test
	void everyProblemIsReportedAtOnce() {
		InvalidConfigurationException ex = invalid(web("Bad Name", null),
				new AccountProperties("x", "ftp", null, null, null, null, null, null));
		assertThat(ex.problems()).extracting(ConfigurationProblem::property)
			.containsExactly("monitor.accounts[0].name", "monitor.accounts[0].session-key",
					"monitor.accounts[1].source");
	}

	@Test
	void environmentVariableFollowsRelaxedBinding() {
		assertThat(AccountChecks.environmentVariable("monitor.accounts[12].refresh-token"))
			.isEqualTo("MONITOR_ACCOUNTS_12_REFRESHTOKEN");
	}

	private static ConfigurationProblem singleProblem(AccountProperties... accounts) {
		List<ConfigurationProblem> problems = invalid(accounts).problems();
		assertThat(problems).hasSize(1);
		return problems.get(0);
	}

	private static InvalidConfigurationException invalid(AccountProperties... accounts) {
		return assertThatExceptionOfType(InvalidConfigurationException.class)
			.isThrownBy(() -> ConfiguredAccounts.bind(List.of(accounts)))
			.actual();
	}

	private static MonitorProperties properties(AccountProperties... accounts) {
		return new MonitorProperties(List.of(accounts), null, null, null, null, null);
	}

	static AccountProperties web(String name, String sessionKey) {
		return new AccountProperties(name, "claude-web", sessionKey, null, null, null, null, null);
	}

	static AccountProperties oauth(String name, String expiresAt) {
		return new AccountProperties(name, "oauth", null, null, "sk-ant-oat01-ACCESS", "sk-ant-ort01-REFRESH",
				expiresAt, null);
	}

	static AccountProperties push(String name) {
		return new AccountProperties(name, "push", null, null, null, null, null, "push-token-secret");
	}

}
