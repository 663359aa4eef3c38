package dev.usagemonitor.alert;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The evaluation of one account at one instant, collecting the events it produces.
 *
 * @param cycleId cycle stored with every event
 * @param now the evaluation instant
 * @param accountId account row id
 * @param account account name
 * @param events the events produced so far, in order
 */
record AccountEvaluation(String cycleId, Instant now, long accountId, String account, List<AlertEvent> events) {

	AccountEvaluation(String cycleId, Instant now, long accountId, String account) {
		this(cycleId, now, accountId, account, new ArrayList<>());
	}

}
