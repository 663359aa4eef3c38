package dev.usagemonitor.collect;

import java.util.List;

import dev.usagemonitor.collect.RawPayloadRepository.RawPayload;

import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Stores collection outcomes: the run, its windows, its raw responses and the account's
 * back-off. It joins the caller's transaction and requires one, so that a cycle stores
 * all its accounts at once or not at all.
 */
@Component
public class CollectionRecorder {

	private final CollectionRunRepository runs;

	private final ObservationRepository observations;

	private final RawPayloadRepository payloads;

	private final BackoffRepository backoffs;

	CollectionRecorder(CollectionRunRepository runs, ObservationRepository observations, RawPayloadRepository payloads,
			BackoffRepository backoffs) {
		this.runs = runs;
		this.observations = observations;
		this.payloads = payloads;
		this.backoffs = backoffs;
	}

	/**
	 * Stores every outcome, in order.
	 * @param cycleId cycle that collected them
	 */
	@Transactional(propagation = Propagation.MANDATORY)
	public List<RecordedCollection> recordAll(String cycleId, List<CollectionResult> results) {
		return results.stream().map((result) -> record(cycleId, result)).toList();
	}

	private RecordedCollection record(String cycleId, CollectionResult result) {
		long accountId = result.accountId();
		long runId = this.runs.save(accountId, cycleId, result.startedAt(), result.finishedAt(), result.status(),
				result.message(), result.httpStatus());
		if (result.status() == CollectionStatus.OK) {
			this.observations.saveAll(accountId, runId, result.finishedAt(), result.account().source().code(),
					result.windows());
			this.backoffs.clear(accountId);
		}
		else if (result.backoff() != null) {
			this.backoffs.save(accountId, result.backoff());
		}
		for (RawPayload payload : result.payloads()) {
			this.payloads.save(accountId, runId, payload);
		}
		return new RecordedCollection(runId, result);
	}

}
