package dev.usagemonitor.transcript.importer;

/**
 * How far a transcript file has been imported.
 *
 * @param size file size when last read, in bytes
 * @param modifiedAt modification time when last read, epoch milliseconds
 * @param byteOffset end of the last complete line read
 */
record FileState(long size, long modifiedAt, long byteOffset) {

	/**
	 * Returns the offset to resume from for a file that now has the given size and
	 * modification time. That is the stored offset when the file grew, 0 when it shrank
	 * or kept its size with a new modification time, and -1 when it is unchanged.
	 */
	// NOTE: a file rewritten in place to a larger size is read from the stored offset,
	// not from 0. Claude Code only appends to its transcripts.
	long resumeOffset(long currentSize, long currentModifiedAt) {
		if (currentSize == this.size && currentModifiedAt == this.modifiedAt) {
			return -1;
		}
		if (currentSize < this.byteOffset || currentSize == this.size) {
			return 0;
		}
		return this.byteOffset;
	}

}
