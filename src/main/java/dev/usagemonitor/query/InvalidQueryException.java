package dev.usagemonitor.query;

/**
 * A {@code queryUsage} or dashboard parameter with a value that is not accepted. The
 * message names the parameter, the value and the accepted values; the response is a 400.
 */
public class InvalidQueryException extends RuntimeException {

	private final String parameter;

	private final String value;

	public InvalidQueryException(String parameter, String value, String allowed) {
		super("Invalid " + parameter + " '" + value + "': use one of " + allowed);
		this.parameter = parameter;
		this.value = value;
	}

	public String parameter() {
		return this.parameter;
	}

	public String value() {
		return this.value;
	}

}
