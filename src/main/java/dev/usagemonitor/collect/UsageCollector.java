package dev.usagemonitor.collect;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.usagemonitor.collect.BackoffRepository.Backoff;
import dev.usagemonitor.collect.RawPayloadRepository.RawPayload;
import dev.usagemonitor.config.Account;
import dev.usagemonitor.config.AccountSource;
import dev.usagemonitor.config.ConfiguredAccounts;

import org.springframework.dao.DataAccessException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.TransactionException;

/**
 * Fetches the usage of the configured accounts over HTTP and turns each attempt into one
 * {@link CollectionResult}. It stores nothing except the account row and refreshed OAuth
 * tokens; {@link CollectionRecorder} stores the results. A failed account never stops the
 * others.
 */
@Component
public class UsageCollector {

	private static final Logger logger = LoggerFactory.getLogger(UsageCollector.class);

	private final ConfiguredAccounts accounts;

	private final AccountRepository accountRows;

	private final BackoffRepository backoffs;

	private final BackoffProperties backoffPolicy;

	private final ClaudeWebFetcher web;

	private final OAuthFetcher oauth;

	private final SecretRedactor redactor;

	private final Clock clock;

	UsageCollector(ConfiguredAccounts accounts, AccountRepository accountRows, BackoffRepository backoffs,
			BackoffProperties backoffPolicy, ClaudeWebFetcher web, OAuthFetcher oauth, SecretRedactor redactor,
			Clock clock) {
		this.accounts = accounts;
		this.accountRows = accountRows;
		this.backoffs = backoffs;
		this.backoffPolicy = backoffPolicy;
		this.web = web;
		this.oauth = oauth;
		this.redactor = redactor;
		this.clock = clock;
	}

	/**
	 * Collects every account whose usage the monitor fetches (all but {@code push}), one
	 * after the other.
	 * @throws DataAccessException or {@link TransactionException} only when the database
	 * fails
	 */
	// NOTE: accounts are collected one after another, so with many slow accounts a cycle
	// can
	// take several times monitor.http.request-timeout per account.
	public List<CollectionResult> collectAll() {
		return this.accounts.collected().stream().map(this::collect).toList();
	}

	/**
	 * Collects one account, unless it is backing off after a rate-limited response.
	 * @throws DataAccessException or {@link TransactionException} only when the database
	 * fails
	 */
	public CollectionResult collect(Account account) {
		Instant started = this.clock.instant();
		long accountId = this.accountRows.ensure(account.name(), account.source().code());
		Optional<Backoff> backoff = this.backoffs.find(accountId);
		if (backoff.isPresent() && backoff.get().blocks(started)) {
			return skipped(account, accountId, started, backoff.get());
		}
		FetchContext context = new FetchContext(account, accountId);
		try {
			List<UsageWindow> windows = fetch(context);
			String message = windows.isEmpty() ? "The response contained no usage window; the plan may have none"
					: "Stored " + windows.size() + " usage windows";
			return result(context, started, CollectionStatus.OK, message, context.lastHttpStatus(), windows, null);
		}
		catch (CollectionFailedException ex) {
			return failed(context, started, ex, backoff.map(Backoff::failures).orElse(0));
		}
		catch (DataAccessException | TransactionException ex) {
			throw ex;
		}
		catch (RuntimeException ex) {
			logger.error("Collecting account {} failed unexpectedly: {}", account.name(),
					this.redactor.redact(ex.toString()));
			return result(context, started, CollectionStatus.FORMAT_CHANGED,
					"Reading the response failed unexpectedly (" + ex.getClass().getSimpleName()
							+ "); the raw response is stored, please report this as a bug",
					context.lastHttpStatus(), List.of(), null);
		}
	}

	private List<UsageWindow> fetch(FetchContext context) {
		return (context.account().source() == AccountSource.OAUTH) ? this.oauth.fetch(context)
				: this.web.fetch(context);
	}

	private CollectionResult failed(FetchContext context, Instant started, CollectionFailedException failure,
			int failuresBefore) {
		Integer httpStatus = (failure.httpStatus() != null) ? failure.httpStatus() : context.lastHttpStatus();
		if (failure.status() != CollectionStatus.RATE_LIMITED) {
			return result(context, started, failure.status(), failure.getMessage(), httpStatus, List.of(), null);
		}
		Backoff next = this.backoffPolicy.next(failuresBefore, failure.retryAfter(), this.clock.instant());
		String message = failure.getMessage() + "; no request before "
				+ next.blockedUntil().truncatedTo(ChronoUnit.SECONDS) + " (" + inARow(next.failures()) + ")";
		return result(context, started, CollectionStatus.RATE_LIMITED, message, httpStatus, List.of(), next);
	}

	private CollectionResult skipped(Account account, long accountId, Instant started, Backoff backoff) {
		String message = "Skipped: backing off after " + inARow(backoff.failures()) + ", no request before "
				+ backoff.blockedUntil().truncatedTo(ChronoUnit.SECONDS);
		logger.info("Skipping account {}: rate-limited, backing off until {}", account.name(), backoff.blockedUntil());
		return new CollectionResult(account, accountId, started, this.clock.instant(), CollectionStatus.RATE_LIMITED,
				message, null, List.of(), List.of(), null);
	}

	private static String inARow(int failures) {
		return (failures == 1) ? "1 rate-limited response" : failures + " rate-limited responses in a row";
	}

	private CollectionResult result(FetchContext context, Instant started, CollectionStatus status, String message,
			Integer httpStatus, List<UsageWindow> windows, Backoff backoff) {
		String safeMessage = this.redactor.redact(message);
		Account account = context.account();
		if (status == CollectionStatus.OK) {
			logger.info("Collected account {}: {} windows", account.name(), windows.size());
		}
		else {
			logger.warn("Collecting account {} failed with {}: {}", account.name(), status.code(), safeMessage);
		}
		List<RawPayload> payloads = context.responses().stream().map(this::payload).toList();
		return new CollectionResult(account, context.accountId(), started, this.clock.instant(), status, safeMessage,
				httpStatus, windows, payloads, backoff);
	}

	private RawPayload payload(ReceivedResponse response) {
		return new RawPayload(response.receivedAt(), response.endpoint(), response.status(), response.contentType(),
				this.redactor.redactBody(response.body()));
	}

}
