package dev.usagemonitor.config;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Checks the values of one {@code monitor.accounts[N]} entry and records every problem,
 * so that start-up reports all of them at once.
 */
final class AccountChecks {

	static final Pattern NAME = Pattern.compile("[a-z0-9]+(-[a-z0-9]+)*");

	static final int MAX_NAME_LENGTH = 40;

	private static final Pattern UUID = Pattern
		.compile("[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");

	private static final Pattern EPOCH_MILLIS = Pattern.compile("[0-9]{12,14}");

	private static final String SOURCES = "claude-web, oauth or push";

	private final String prefix;

	private final List<ConfigurationProblem> problems;

	AccountChecks(int index, List<ConfigurationProblem> problems) {
		this.prefix = "monitor.accounts[" + index + "]";
		this.problems = problems;
	}

	String name(String value) {
		String name = trimmed(value);
		if (name == null) {
			report("name", "is missing", "set a short label such as work-max (lower-case letters, digits, hyphens)");
		}
		else if (name.length() > MAX_NAME_LENGTH || !NAME.matcher(name).matches()) {
			report("name", "'" + name + "' is not a valid account name", "use 1 to " + MAX_NAME_LENGTH
					+ " lower-case letters and digits, optionally joined by single hyphens, such as work-max");
		}
		return name;
	}

	AccountSource source(String value) {
		String code = trimmed(value);
		if (code == null) {
			report("source", "is missing", "set " + SOURCES);
			return null;
		}
		AccountSource source = AccountSource.ofCode(code.toLowerCase(Locale.ROOT)).orElse(null);
		if (source == null) {
			report("source", "'" + code + "' is not a known source", "set " + SOURCES);
		}
		return source;
	}

	/**
	 * Returns a secret without surrounding whitespace, reporting it when it is missing
	 * and required or when it contains whitespace. The value never appears in a problem.
	 */
	String secret(String key, String value, AccountSource requiredBy, String fix) {
		String secret = trimmed(value);
		if (secret == null && requiredBy != null) {
			report(key, "is missing (required for source " + requiredBy.code() + ")", fix);
		}
		else if (secret != null && secret.chars().anyMatch(Character::isWhitespace)) {
			report(key, "contains whitespace or a line break", "copy the value again without spaces or line breaks");
			return null;
		}
		return secret;
	}

	String organizationId(String value) {
		String id = trimmed(value);
		if (id != null && !UUID.matcher(id).matches()) {
			report("organization-id", "'" + id + "' is not an organization UUID", "copy the uuid of the organization "
					+ "from the claude.ai response to /api/organizations, or leave it empty to pick the Pro or Max one");
			return null;
		}
		return id;
	}

	Instant expiresAt(String value) {
		String text = trimmed(value);
		if (text == null) {
			return null;
		}
		if (EPOCH_MILLIS.matcher(text).matches()) {
			return Instant.ofEpochMilli(Long.parseLong(text));
		}
		try {
			return OffsetDateTime.parse(text).toInstant();
		}
		catch (DateTimeParseException ex) {
			report("expires-at", "'" + text + "' is not an ISO-8601 instant", "use a value such as "
					+ "2026-09-14T12:00:00Z, the expiresAt milliseconds of .credentials.json, or leave it empty");
			return null;
		}
	}

	void report(String key, String problem, String fix) {
		String property = this.prefix + "." + key;
		this.problems.add(new ConfigurationProblem(property, problem,
				fix + " (environment variable " + environmentVariable(property) + ")"));
	}

	/**
	 * Returns the environment variable that sets a property under Spring's relaxed
	 * binding: {@code monitor.accounts[1].session-key} becomes
	 * {@code MONITOR_ACCOUNTS_1_SESSIONKEY}.
	 */
	static String environmentVariable(String property) {
		String name = property.replace("-", "").replace("[", "_").replace("]", "").replace('.', '_');
		return name.toUpperCase(Locale.ROOT);
	}

	private static String trimmed(String value) {
		return (value == null || value.isBlank()) ? null : value.strip();
	}

}
