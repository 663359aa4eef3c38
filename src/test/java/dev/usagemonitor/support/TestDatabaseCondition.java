package dev.usagemonitor.support;

import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Skips {@link StoreTest store tests} with a clear reason when PostgreSQL is chosen but
 * no server is reachable, before any application context tries to connect.
 */
class TestDatabaseCondition implements ExecutionCondition {

	@Override
	public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
		if (!TestDatabase.postgres()) {
			return ConditionEvaluationResult.enabled("The store is SQLite");
		}
		String problem = TestDatabase.postgresProblem();
		if (problem == null) {
			return ConditionEvaluationResult.enabled("PostgreSQL is reachable");
		}
		if (TestDatabase.postgresRequired()) {
			throw new IllegalStateException(problem);
		}
		return ConditionEvaluationResult.disabled(problem);
	}

}
