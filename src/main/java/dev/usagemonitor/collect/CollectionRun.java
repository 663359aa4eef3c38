package dev.usagemonitor.collect;

import java.time.Instant;

/**
 * A stored collection attempt.
 *
 * @param id row id
 * @param accountId account row id
 * @param cycleId cycle that ran it, or {@code null} when run on its own
 * @param startedAt start of the attempt
 * @param finishedAt end of the attempt
 * @param status outcome
 * @param message one line telling the operator what happened and what to do
 * @param httpStatus status of the last HTTP response, or {@code null} when none arrived
 */
public record CollectionRun(long id, long accountId, String cycleId, Instant startedAt, Instant finishedAt,
		CollectionStatus status, String message, Integer httpStatus) {

}
