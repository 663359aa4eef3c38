package dev.usagemonitor.collect;

import java.util.ArrayList;
import java.util.List;

import dev.usagemonitor.config.Account;

/**
 * One account's collection attempt while it fetches: the account, its row id and every
 * HTTP answer received so far, kept even when the attempt fails so that all of them are
 * stored.
 */
final class FetchContext {

	private final Account account;

	private final long accountId;

	private final List<HttpAnswer> answers = new ArrayList<>();

	FetchContext(Account account, long accountId) {
		this.account = account;
		this.accountId = accountId;
	}

	Account account() {
		return this.account;
	}

	long accountId() {
		return this.accountId;
	}

	void record(HttpAnswer answer) {
		this.answers.add(answer);
	}

	List<HttpAnswer> answers() {
		return List.copyOf(this.answers);
	}

	/**
	 * Returns the status of the last answer, or {@code null} when none arrived.
	 */
	Integer lastHttpStatus() {
		return this.answers.isEmpty() ? null : this.answers.get(this.answers.size() - 1).status();
	}

}
