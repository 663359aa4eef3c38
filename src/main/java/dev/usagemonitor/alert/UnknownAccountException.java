package dev.usagemonitor.alert;

import java.util.List;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.ResponseStatus;

/**
 * Thrown when an evaluation names an account that is not configured.
 */
@ResponseStatus(HttpStatus.NOT_FOUND)
public class UnknownAccountException extends RuntimeException {

	UnknownAccountException(String account, List<String> configured) {
		super("Unknown account '" + account + "': use one of the configured accounts " + configured
				+ " or send an empty body to evaluate them all");
	}

}
