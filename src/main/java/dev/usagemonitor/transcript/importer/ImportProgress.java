package dev.usagemonitor.transcript.importer;

/**
 * Receives the progress of a local import. Calls may come from several threads.
 */
public interface ImportProgress {

	/** Progress that shows nothing. */
	ImportProgress NONE = new ImportProgress() {
	};

	/**
	 * Reports the files and bytes that will be read.
	 */
	default void start(int files, long bytes) {
	}

	/**
	 * Reports one file read, with the bytes it had to read.
	 */
	default void fileDone(long bytes) {
	}

	/**
	 * Reports the end of the import.
	 */
	default void finish() {
	}

}
