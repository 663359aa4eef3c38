package dev.usagemonitor.alert;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * Turns request errors of the alert functions into RFC 9457 problem responses that carry
 * the reason and the fix.
 */
@RestControllerAdvice
class AlertErrorHandling {

	@ExceptionHandler(UnknownAccountException.class)
	ProblemDetail unknownAccount(UnknownAccountException ex) {
		return ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, ex.getMessage());
	}

	@ExceptionHandler(InvalidRequestException.class)
	ProblemDetail invalidRequest(InvalidRequestException ex) {
		return ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, ex.getMessage());
	}

}
