package dev.usagemonitor.transcript.ingest;

import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;

import org.springframework.stereotype.Component;

/**
 * Serializes the transcript writes of this process. SQLite admits one writer at a time
 * and makes the others retry with growing sleeps, so two import threads writing at once
 * were slower than one; waiting here instead hands the database over at once.
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
