package id.go.imigrasi.mpaspor.e2e;

import java.util.Optional;

import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.TestWatcher;

/** The journey's steps build on each other: after a failed step the later ones are skipped, not failed again. */
final class StopAtFirstFailure implements TestWatcher, ExecutionCondition {

    private static final ExtensionContext.Namespace NS = ExtensionContext.Namespace.create(StopAtFirstFailure.class);

    @Override
    public void testFailed(ExtensionContext context, Throwable cause) {
        context.getParent().ifPresent(parent -> parent.getStore(NS).put("failed", context.getDisplayName()));
    }

    @Override
    public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
        Optional<String> failed = context.getParent()
                .map(parent -> parent.getStore(NS).get("failed", String.class));
        return failed.map(step -> ConditionEvaluationResult.disabled("an earlier step failed: " + step))
                .orElse(ConditionEvaluationResult.enabled("every earlier step passed"));
    }
}
