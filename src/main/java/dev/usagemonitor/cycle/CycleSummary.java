package dev.usagemonitor.cycle;

import java.time.Instant;
import java.util.List;

import dev.usagemonitor.notify.FlushReport;

/**
 * What one monitoring cycle did, returned by {@code POST /}.
 *
 * @param cycleId identifier of the cycle
 * @param startedAt start of the cycle
 * @param finishedAt end of the cycle
 * @param accounts one entry per collected account, then one per push account the cycle
 * fired or resolved alerts for
 * @param notifications what the notification flush after the cycle did, or {@code null}
 * when the cycle did not flush or the store failed during the flush
 */
public record CycleSummary(String cycleId, Instant startedAt, Instant finishedAt, List<AccountSummary> accounts,
		FlushReport notifications) {

	/**
	 * The result of one account in a cycle.
	 *
	 * @param name account name
	 * @param status collection status code, or {@code push} for an account the cycle does
	 * not collect
	 * @param message operator message
	 * @param windowsStored number of windows stored
	 * @param events alert events the cycle fired or resolved for this account
	 */
	public record AccountSummary(String name, String status, String message, int windowsStored,
			List<EventSummary> events) {
	}

	/**
	 * One alert event in a cycle summary.
	 *
	 * @param type alert type code, for example {@code threshold}
	 * @param level level code, for example {@code critical}
	 * @param state {@code firing} or {@code resolved}
	 * @param window window id, empty for account-level alerts
	 * @param title short title
	 * @param message one line a person can act on
	 * @param suppressed whether a silence or quiet hours held back its notification
	 */
	public record EventSummary(String type, String level, String state, String window, String title, String message,
			boolean suppressed) {
	}

}
