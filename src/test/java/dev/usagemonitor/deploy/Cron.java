package dev.usagemonitor.deploy;

import org.springframework.scheduling.support.CronExpression;

/**
 * Checks five-field cron expressions (minute, hour, day of month, month, day of week),
 * the form both the OpenFaaS cron connector and Knative PingSource accept.
 */
final class Cron {

	private Cron() {
	}

	/**
	 * Tells whether the expression has exactly five fields with values in range. Spring's
	 * parser checks the fields after a seconds field {@code 0} is put in front.
	 */
	static boolean isValidFiveField(String expression) {
		String[] fields = expression.trim().split("\\s+");
		if (fields.length != 5 || !expression.matches("[0-9*/,\\-A-Za-z ]+")) {
			return false;
		}
		try {
			CronExpression.parse("0 " + expression);
			return true;
		}
		catch (IllegalArgumentException ex) {
			return false;
		}
	}

}
