package dev.usagemonitor.transcript.ingest;

import java.util.List;

/**
 * Receives the responses of an ingest in chunks and stores them.
 */
@FunctionalInterface
public interface ResponseSink {

	/**
	 * Stores the responses and returns how many rows were inserted or replaced by a
	 * larger line.
	 */
	int store(long accountId, String project, List<UsageLine> responses);

}
