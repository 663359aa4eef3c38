package dev.usagemonitor.collect;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.function.UnaryOperator;

import dev.usagemonitor.config.Account;
import dev.usagemonitor.store.StoreLocks;

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

	/** Name of the store lock that one account's token refreshes share. */
	static final String TOKEN_LOCK = "oauth-token-refresh";

	private final OAuthTokenRepository repository;

	private final TransactionTemplate newTransaction;

	private final SecretRedactor redactor;

	private final StoreLocks locks;

	OAuthTokenStore(OAuthTokenRepository repository, PlatformTransactionManager transactions, SecretRedactor redactor,
			StoreLocks locks) {
		this.repository = repository;
		this.redactor = redactor;
		this.locks = locks;
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
	 * Runs {@code refresh} unless another caller already replaced the pair {@code used},
	 * and returns the account's current pair. On a shared store this runs in a
	 * transaction that holds the account's token lock, so that replicas refresh one at a
	 * time and each reads the pair the previous one stored. A refresh token used twice
	 * would fail, or lose the pair the token endpoint rotated. The refreshed pair is
	 * committed before this method returns.
	 * @param refresh requests a new pair for the one it is given and stores it with
	 * {@link #store}
	 */
	OAuthTokens rotate(Account account, long accountId, OAuthTokens used, UnaryOperator<OAuthTokens> refresh) {
		if (!this.locks.shared()) {
			return rotateUnlocked(account, accountId, used, refresh);
		}
		return this.newTransaction.execute((status) -> {
			this.locks.lockForTransaction(TOKEN_LOCK, accountId);
			return rotateUnlocked(account, accountId, used, refresh);
		});
	}

	private OAuthTokens rotateUnlocked(Account account, long accountId, OAuthTokens used,
			UnaryOperator<OAuthTokens> refresh) {
		OAuthTokens current = current(account, accountId);
		if (!current.refreshToken().equals(used.refreshToken())) {
			return current;
		}
		return refresh.apply(used);
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
