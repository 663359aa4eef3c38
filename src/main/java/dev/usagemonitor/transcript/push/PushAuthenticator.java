package dev.usagemonitor.transcript.push;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

import dev.usagemonitor.collect.AccountRepository;
import dev.usagemonitor.config.AccountProperties;
import dev.usagemonitor.config.MonitorProperties;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

/**
 * Checks that a push names a configured account and carries that account's
 * {@code push-token} as a bearer token. Tokens are compared in constant time and never
 * appear in messages.
 */
@Component
public class PushAuthenticator {

	private static final String BEARER = "Bearer ";

	private final MonitorProperties properties;

	private final AccountRepository accounts;

	PushAuthenticator(MonitorProperties properties, AccountRepository accounts) {
		this.properties = properties;
		this.accounts = accounts;
	}

	/**
	 * Returns the row id of the named account when the header carries its push token.
	 * @throws PushRejectedException with 400 for a missing account name, 404 for an
	 * unknown account, 403 for an account without a push token and 401 for a missing or
	 * wrong token
	 */
	public long authenticate(String accountName, String authorization) {
		if (accountName == null || accountName.isBlank()) {
			throw new PushRejectedException(HttpStatus.BAD_REQUEST,
					"Missing query parameter 'account': add ?account=NAME with a name from monitor.accounts");
		}
		AccountProperties account = find(accountName);
		if (account.pushToken() == null || account.pushToken().isBlank()) {
			throw new PushRejectedException(HttpStatus.FORBIDDEN, "Account '" + accountName
					+ "' accepts no pushes: set monitor.accounts[N].push-token for it and send that token");
		}
		String presented = bearerToken(authorization);
		if (!constantTimeEquals(presented, account.pushToken())) {
			throw new PushRejectedException(HttpStatus.UNAUTHORIZED,
					"The bearer token does not match the push-token of account '" + accountName + "'");
		}
		return this.accounts.findId(account.name())
			.orElseGet(() -> this.accounts.ensure(account.name(), account.source()));
	}

	private AccountProperties find(String accountName) {
		return this.properties.accounts()
			.stream()
			.filter((account) -> accountName.equals(account.name()))
			.findFirst()
			.orElseThrow(() -> new PushRejectedException(HttpStatus.NOT_FOUND,
					"No account named '" + accountName + "' is configured: use the name of a monitor.accounts entry"));
	}

	private static String bearerToken(String authorization) {
		if (authorization == null || !authorization.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
			throw new PushRejectedException(HttpStatus.UNAUTHORIZED,
					"Missing bearer token: send the header 'Authorization: Bearer <push-token>'");
		}
		return authorization.substring(BEARER.length()).trim();
	}

	/**
	 * Compares the SHA-256 digests of both values, so the time taken depends on neither
	 * the length nor the content of the configured token.
	 */
	private static boolean constantTimeEquals(String presented, String expected) {
		return MessageDigest.isEqual(sha256(presented), sha256(expected));
	}

	private static byte[] sha256(String value) {
		try {
			return MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("SHA-256 is missing from this Java runtime", ex);
		}
	}

}
