package dev.usagemonitor.collect;

import java.util.ArrayList;
import java.util.List;

import dev.usagemonitor.config.Account;

/**
 * One account's collection attempt while it fetches: the account, its row id and every
 * HTTP response received so far, kept even when the attempt fails so that all of them are
 * stored.
 */
final class FetchContext {

	private final Account account;

	private final long accountId;

	private final List<ReceivedResponse> responses = new ArrayList<>();

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

	void record(ReceivedResponse response) {
		this.responses.add(response);
	}

	List<ReceivedResponse> responses() {
		return List.copyOf(this.responses);
	}

	/**
	 * Returns the status of the last response, or {@code null} when none arrived.
	 */
	Integer lastHttpStatus() {
		return this.responses.isEmpty() ? null : this.responses.get(this.responses.size() - 1).status();
	}

}
