package dev.usagemonitor.collect;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

import dev.usagemonitor.config.Account;

import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Decides which OAuth pair an account uses and keeps refreshed pairs. A refreshed pair is
 * stored with a fingerprint of the configured pair it descends from. It wins over the
 * configured pair until the operator configures a different pair.
 */
@Component
class OAuthTokenStore {

	private final OAuthTokenRepository repository;

	private final TransactionTemplate newTransaction;

	private final SecretRedactor redactor;

	OAuthTokenStore(OAuthTokenRepository repository, PlatformTransactionManager transactions, SecretRedactor redactor) {
		this.repository = repository;
		this.redactor = redactor;
		this.newTransaction = new TransactionTemplate(transactions);
		this.newTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
	}

	/**
	 * Returns the stored pair when it descends from the configured one, otherwise the
	 * configured pair.
	 */
	OAuthTokens current(Account account, long accountId) {
		String fingerprint = fingerprint(account);
		return this.repository.find(accountId)
			.filter((stored) -> stored.configuredFingerprint().equals(fingerprint))
			.map((stored) -> remember(stored.tokens()))
			.orElseGet(() -> new OAuthTokens(account.accessToken(), account.refreshToken(), account.expiresAt()));
	}

	/**
	 * Stores a refreshed pair in its own transaction, committed before this method
	 * returns, so that the rotated refresh token is never lost once it is used.
	 */
	void store(Account account, long accountId, OAuthTokens tokens) {
		remember(tokens);
		String fingerprint = fingerprint(account);
		this.newTransaction.executeWithoutResult((status) -> this.repository.save(accountId, tokens, fingerprint));
	}

	private OAuthTokens remember(OAuthTokens tokens) {
		this.redactor.register(tokens.accessToken());
		this.redactor.register(tokens.refreshToken());
		return tokens;
	}

	/**
	 * Returns the SHA-256 of the configured pair, in hex.
	 */
	static String fingerprint(Account account) {
		try {
			MessageDigest digest = MessageDigest.getInstance("SHA-256");
			byte[] hash = digest
				.digest((account.accessToken() + "\n" + account.refreshToken()).getBytes(StandardCharsets.UTF_8));
			return HexFormat.of().formatHex(hash);
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("SHA-256 is missing from this JVM", ex);
		}
	}

}
