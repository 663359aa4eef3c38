package dev.usagemonitor.config;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.stereotype.Component;

/**
 * The accounts of {@code monitor.accounts}, validated when the application starts. Any
 * invalid value stops start-up with an {@link InvalidConfigurationException} that names
 * every bad property and its fix.
 */
@Component
public class ConfiguredAccounts {

	private final List<Account> accounts;

	public ConfiguredAccounts(MonitorProperties properties) {
		this.accounts = bind(properties.accounts());
	}

	/**
	 * Returns every configured account, in configuration order.
	 */
	public List<Account> all() {
		return this.accounts;
	}

	/**
	 * Returns the accounts whose usage the monitor fetches itself (every source except
	 * {@code push}), in configuration order.
	 */
	public List<Account> collected() {
		return this.accounts.stream().filter((account) -> account.source().isCollected()).toList();
	}

	/**
	 * Returns the account with the given name.
	 */
	public Optional<Account> find(String name) {
		return this.accounts.stream().filter((account) -> account.name().equals(name)).findFirst();
	}

	/**
	 * Validates the configured accounts and returns them.
	 * @throws InvalidConfigurationException when any value is invalid
	 */
	static List<Account> bind(List<AccountProperties> configured) {
		List<ConfigurationProblem> problems = new ArrayList<>();
		List<Account> accounts = new ArrayList<>();
		Map<String, Integer> indexByName = new HashMap<>();
		for (int index = 0; index < configured.size(); index++) {
			AccountChecks checks = new AccountChecks(index, problems);
			Account account = bindOne(index, configured.get(index), checks);
			Integer earlier = (account.name() != null) ? indexByName.putIfAbsent(account.name(), index) : null;
			if (earlier != null) {
				checks.report("name", "'" + account.name() + "' is already used by monitor.accounts[" + earlier + "]",
						"give every account a different name");
			}
			accounts.add(account);
		}
		if (!problems.isEmpty()) {
			throw new InvalidConfigurationException(problems);
		}
		return List.copyOf(accounts);
	}

	private static Account bindOne(int index, AccountProperties properties, AccountChecks checks) {
		String name = checks.name(properties.name());
		AccountSource source = checks.source(properties.source());
		String sessionKey = checks.secret("session-key", properties.sessionKey(),
				requiredFor(source, AccountSource.CLAUDE_WEB),
				"set it to the value of the claude.ai sessionKey cookie (sk-ant-sid…)");
		String oauthFix = "set the token pair of a login used only by the monitor, see the README";
		String accessToken = checks.secret("access-token", properties.accessToken(),
				requiredFor(source, AccountSource.OAUTH), oauthFix);
		String refreshToken = checks.secret("refresh-token", properties.refreshToken(),
				requiredFor(source, AccountSource.OAUTH), oauthFix);
		String pushToken = checks.secret("push-token", properties.pushToken(), requiredFor(source, AccountSource.PUSH),
				"set a long random value, for example the output of: openssl rand -hex 32");
		return new Account(index, name, source, sessionKey, checks.organizationId(properties.organizationId()),
				accessToken, refreshToken, checks.expiresAt(properties.expiresAt()), pushToken);
	}

	private static AccountSource requiredFor(AccountSource configured, AccountSource source) {
		return (configured == source) ? source : null;
	}

}
