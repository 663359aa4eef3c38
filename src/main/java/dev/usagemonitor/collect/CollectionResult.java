package dev.usagemonitor.collect;

import java.time.Instant;
import java.util.List;

import dev.usagemonitor.collect.BackoffRepository.Backoff;
import dev.usagemonitor.collect.RawPayloadRepository.RawPayload;
import dev.usagemonitor.config.Account;

/**
 * The outcome of collecting one account, ready to be stored by
 * {@link CollectionRecorder}. Nothing in it is a secret.
 *
 * @param account the collected account
 * @param accountId its row id
 * @param startedAt start of the attempt
 * @param finishedAt end of the attempt; the windows were observed at this instant
 * @param status the one outcome of the attempt
 * @param message one line for the operator
 * @param httpStatus status of the last HTTP response, or {@code null} when none arrived
 * @param windows the windows read, empty unless the status is {@code ok}
 * @param payloads every response received, secrets removed
 * @param backoff back-off to store after a rate-limited response, or {@code null} to
 * leave the stored one as it is (a success always clears it)
 */
public record CollectionResult(Account account, long accountId, Instant startedAt, Instant finishedAt,
		CollectionStatus status, String message, Integer httpStatus, List<UsageWindow> windows,
		List<RawPayload> payloads, Backoff backoff) {

	public CollectionResult {
		windows = List.copyOf(windows);
		payloads = List.copyOf(payloads);
	}

}
