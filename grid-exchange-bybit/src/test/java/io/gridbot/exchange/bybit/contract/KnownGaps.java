package io.gridbot.exchange.bybit.contract;

import java.util.Map;
import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * The contract tests the Bybit adapter does not pass, each skipped with the reason it fails, so the rest of the kit
 * runs and a gap is reported where it is rather than hidden in a failing build.
 */
final class KnownGaps implements ExecutionCondition {

    private static final Map<String, String> GAPS = Map.of(
            "aPostOnlyOrderThatWouldTakeIsRefused", "Bybit accepts a PostOnly order that would take (retCode 0) and "
                    + "cancels it at entry (rejectReason EC_PostOnlyWillTakeLiquidity); the adapter reports it EXPIRED "
                    + "on the order stream afterwards, the kit expects the create itself to fail with POST_ONLY_WOULD_TAKE");

    @Override
    public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
        String gap = context.getTestMethod().map(m -> GAPS.get(m.getName())).orElse(null);
        return gap == null ? ConditionEvaluationResult.enabled("in the kit")
                : ConditionEvaluationResult.disabled("not passed: " + gap);
    }
}
