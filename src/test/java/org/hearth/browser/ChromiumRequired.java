package org.hearth.browser;

import java.nio.file.Files;
import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Runs browser tests when Debian's Chromium is installed. Without it they are skipped on a
 * developer's machine, but in CI ({@code CI=true}) a missing browser is a failure, never a
 * silent skip.
 */
public class ChromiumRequired implements ExecutionCondition {

    @Override
    public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
        if (Files.isExecutable(Chromium.EXECUTABLE)) {
            return ConditionEvaluationResult.enabled("Chromium at " + Chromium.EXECUTABLE);
        }
        if ("true".equalsIgnoreCase(System.getenv("CI"))) {
            throw new IllegalStateException(Chromium.EXECUTABLE
                    + " is missing: the browser tests are required in CI (apt-get install chromium)");
        }
        return ConditionEvaluationResult.disabled(Chromium.EXECUTABLE + " is missing (apt-get install chromium)");
    }
}
