package dev.usagemonitor.collect;

/**
 * A collection outcome after it was stored.
 *
 * @param runId row id of the stored collection run
 * @param result what was stored
 */
public record RecordedCollection(long runId, CollectionResult result) {

	/**
	 * Returns the number of windows stored for the run.
	 */
	public int windowsStored() {
		return this.result.windows().size();
	}

}
