package dev.usagemonitor.config;

/**
 * One invalid configuration value, described so that an operator can fix it.
 *
 * @param property full property name, for example {@code monitor.accounts[1].session-key}
 * @param problem what is wrong, without the value when the value is a secret
 * @param fix what to set instead
 */
public record ConfigurationProblem(String property, String problem, String fix) {

	/**
	 * Returns the problem as one line: property, problem and fix.
	 */
	public String describe() {
		return this.property + " " + this.problem + ": " + this.fix;
	}

}
