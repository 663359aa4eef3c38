package dev.usagemonitor.cycle;

/**
 * Thrown when a request claims to be a CloudEvent (by its {@code ce-*} headers or its
 * {@code application/cloudevents+json} content type) but is not a valid one. Mapped to
 * 400.
 */
public class MalformedCloudEventException extends RuntimeException {

	/**
	 * Creates the exception; the message names the invalid attribute and the fix.
	 */
	public MalformedCloudEventException(String message) {
		super(message);
	}

}
