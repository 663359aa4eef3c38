package dev.usagemonitor.cycle;

import java.time.Instant;
import java.util.List;

/**
 * What one monitoring cycle did, returned by {@code POST /}.
 *
 * @param cycleId identifier of the cycle
 * @param startedAt start of the cycle
 * @param finishedAt end of the cycle
 * @param accounts one entry per configured account
 */
public record CycleSummary(String cycleId, Instant startedAt, Instant finishedAt, List<AccountSummary> accounts) {

	/**
	 * The result of one account in a cycle.
	 *
	 * @param name account name
	 * @param status collection status code
	 * @param message operator message
	 * @param windowsStored number of windows stored
	 */
	public record AccountSummary(String name, String status, String message, int windowsStored) {
	}

}
