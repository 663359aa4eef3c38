package dev.usagemonitor.collect;

import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import dev.usagemonitor.config.Account;
import dev.usagemonitor.config.ConfiguredAccounts;

import org.springframework.stereotype.Component;

/**
 * Removes secrets from text before it is logged, stored or returned: every configured
 * session key and token, every token the monitor received from a refresh, anything that
 * looks like an Anthropic key ({@code sk-ant-…}), and the values of token fields in JSON.
 */
@Component
public class SecretRedactor {

	/** Replacement for a removed secret. */
	public static final String REDACTED = "[redacted]";

	/** Shorter values are not replaced, because they would match ordinary words. */
	static final int MIN_SECRET_LENGTH = 6;

	private static final Pattern ANTHROPIC_KEY = Pattern.compile("sk-ant-[A-Za-z0-9_-]{4,}");

	private static final Set<String> SECRET_FIELDS = Set.of("access_token", "refresh_token", "id_token", "accesstoken",
			"refreshtoken", "sessionkey", "session_key", "token", "api_key", "apikey");

	private final Set<String> secrets = ConcurrentHashMap.newKeySet();

	private final JsonMapper json;

	public SecretRedactor(ConfiguredAccounts accounts, JsonMapper json) {
		this.json = json;
		accounts.all().stream().flatMap(SecretRedactor::secretsOf).forEach(this::register);
	}

	/**
	 * Adds a secret learned at run time, such as a rotated token.
	 */
	public void register(String secret) {
		if (secret != null && secret.length() >= MIN_SECRET_LENGTH) {
			this.secrets.add(secret);
		}
	}

	/**
	 * Returns the text with every known secret and every Anthropic key replaced by
	 * {@value #REDACTED}.
	 */
	public String redact(String text) {
		if (text == null || text.isEmpty()) {
			return text;
		}
		String result = text;
		for (String secret : this.secrets) {
			result = result.replace(secret, REDACTED);
		}
		return ANTHROPIC_KEY.matcher(result).replaceAll("sk-ant-" + REDACTED);
	}

	/**
	 * Returns a response body ready to store: when it is JSON, the values of token fields
	 * ({@code access_token}, {@code refresh_token}, {@code sessionKey}, …) are replaced
	 * first; then {@link #redact(String)} applies.
	 */
	public String redactBody(String body) {
		if (body == null || body.isBlank()) {
			return body;
		}
		try {
			JsonNode tree = this.json.readTree(body);
			if (redactFields(tree)) {
				return redact(this.json.writeValueAsString(tree));
			}
		}
		catch (JacksonException ex) {
			// Not JSON (an HTML page, for example): only the text rules apply.
		}
		return redact(body);
	}

	private static boolean redactFields(JsonNode node) {
		boolean changed = false;
		if (node instanceof ObjectNode object) {
			for (Map.Entry<String, JsonNode> field : object.properties()) {
				if (field.getValue().isString() && SECRET_FIELDS.contains(field.getKey().toLowerCase(Locale.ROOT))) {
					object.put(field.getKey(), REDACTED);
					changed = true;
				}
				else {
					changed |= redactFields(field.getValue());
				}
			}
		}
		else if (node.isArray()) {
			for (JsonNode element : node.values()) {
				changed |= redactFields(element);
			}
		}
		return changed;
	}

	private static Stream<String> secretsOf(Account account) {
		return Stream.of(account.sessionKey(), account.accessToken(), account.refreshToken(), account.pushToken());
	}

}
