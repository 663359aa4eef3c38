package dev.usagemonitor.alert;

import java.util.List;

/**
 * Thrown when an evaluation names an account that is not configured.
 */
public class UnknownAccountException extends RuntimeException {

	UnknownAccountException(String account, List<String> configured) {
		super("Unknown account '" + account + "': use one of the configured accounts " + configured
				+ " or send an empty body to evaluate them all");
	}

}
