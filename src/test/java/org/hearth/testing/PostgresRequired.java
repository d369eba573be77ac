package org.hearth.testing;

import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Runs PostgreSQL tests when {@code HEARTH_TEST_POSTGRES_URL} is set. Without it they are
 * skipped on a developer's machine, but in CI ({@code CI=true}) a missing server is a failure,
 * never a silent skip.
 */
public class PostgresRequired implements ExecutionCondition {

    @Override
    public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
        String url = System.getenv(PostgresDatabase.URL_VARIABLE);
        if (url != null && !url.isBlank()) {
            return ConditionEvaluationResult.enabled("PostgreSQL at " + PostgresDatabase.URL_VARIABLE);
        }
        if ("true".equalsIgnoreCase(System.getenv("CI"))) {
            throw new IllegalStateException(PostgresDatabase.URL_VARIABLE
                    + " must be set in CI: the PostgreSQL tests are required there");
        }
        return ConditionEvaluationResult.disabled(PostgresDatabase.URL_VARIABLE + " not set");
    }
}
