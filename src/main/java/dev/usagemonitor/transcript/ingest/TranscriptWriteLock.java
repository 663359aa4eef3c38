package dev.usagemonitor.transcript.ingest;

import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;

import org.springframework.stereotype.Component;

/**
 * Serializes the transcript writes of this process. SQLite admits one writer at a time,
 * and a waiting connection retries with growing sleeps. Waiting on this lock instead
 * hands the database over as soon as it is free.
 */
@Component
public class TranscriptWriteLock {

	private final ReentrantLock lock = new ReentrantLock();

	/**
	 * Runs the action while holding the lock and returns its result.
	 */
	public <T> T call(Supplier<T> action) {
		this.lock.lock();
		try {
			return action.get();
		}
		finally {
			this.lock.unlock();
		}
	}

}
