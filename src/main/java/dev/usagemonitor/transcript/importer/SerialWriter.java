package dev.usagemonitor.transcript.importer;

import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * Runs every database write of an import on one thread, so the writes use one connection
 * whose page cache stays warm while the reader threads parse in parallel. With one
 * connection per reader, every write dropped the other connection's cache, and two
 * readers imported more slowly than one.
 */
final class SerialWriter implements AutoCloseable {

	private final ExecutorService executor = Executors.newSingleThreadExecutor((task) -> {
		Thread thread = new Thread(task, "transcript-writer");
		thread.setDaemon(true);
		return thread;
	});

	/**
	 * Runs the action on the writer thread, waits for it and returns its result. An
	 * unchecked exception of the action is thrown again here.
	 */
	<T> T call(Callable<T> action) {
		try {
			return this.executor.submit(action).get();
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException("Interrupted while waiting for a transcript write", ex);
		}
		catch (ExecutionException ex) {
			if (ex.getCause() instanceof RuntimeException runtime) {
				throw runtime;
			}
			throw new IllegalStateException("Transcript write failed: " + ex.getCause(), ex.getCause());
		}
	}

	@Override
	public void close() {
		this.executor.shutdown();
	}

}
