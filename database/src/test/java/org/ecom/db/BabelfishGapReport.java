package org.ecom.db;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.engine.support.descriptor.MethodSource;
import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.TestIdentifier;
import org.junit.platform.launcher.TestPlan;

/**
 * At the end of a test run: the contract tests' outcome on each engine (a test invocation whose
 * name starts with its engine's), and every test aborted on Babelfish for a gap, with the gap's
 * name, so that none is skipped silently. Registered in META-INF/services, so it runs in any
 * module that has these tests on its class path.
 */
public final class BabelfishGapReport implements TestExecutionListener {

    private static final Set<String> ENGINES = Set.of("postgresql", "sqlserver", "babelfish");

    private final Map<String, int[]> outcomesByEngine = new TreeMap<>();
    private final List<String> gapMarked = new ArrayList<>();
    private TestPlan plan;

    @Override
    public void testPlanExecutionStarted(TestPlan testPlan) {
        plan = testPlan;
    }

    @Override
    public void executionFinished(TestIdentifier test, TestExecutionResult result) {
        String engine = test.getDisplayName().split(" ", 2)[0];
        if (!test.isTest() || !ENGINES.contains(engine)) {
            return;
        }
        outcomesByEngine.computeIfAbsent(engine, e -> new int[3])[result.getStatus().ordinal()]++;
        Optional<String> reason = result.getThrowable().map(Throwable::getMessage);
        if (result.getStatus() == TestExecutionResult.Status.ABORTED && reason.isPresent()
                && reason.get().startsWith(BabelfishGapExtension.REASON_PREFIX)) {
            gapMarked.add(testName(test) + ": " + reason.get().substring(BabelfishGapExtension.REASON_PREFIX.length()));
        }
    }

    @Override
    public void testPlanExecutionFinished(TestPlan testPlan) {
        if (outcomesByEngine.isEmpty()) {
            return;
        }
        StringBuilder report = new StringBuilder("\n=== Contract tests by engine ===\n");
        outcomesByEngine.forEach((engine, n) -> report.append(String.format("  %-11s %3d passed, %d failed, %d aborted%n",
                engine, n[TestExecutionResult.Status.SUCCESSFUL.ordinal()], n[TestExecutionResult.Status.FAILED.ordinal()],
                n[TestExecutionResult.Status.ABORTED.ordinal()])));
        report.append("=== ").append(gapMarked.size()).append(" gap-marked test(s) aborted on Babelfish ===\n");
        gapMarked.forEach(t -> report.append("  ").append(t).append('\n'));
        System.out.print(report);
        System.out.flush();
    }

    /** Class.method of a test invocation. */
    private String testName(TestIdentifier invocation) {
        TestIdentifier method = plan.getParent(invocation).orElse(invocation);
        return method.getSource()
                .filter(MethodSource.class::isInstance)
                .map(s -> ((MethodSource) s).getJavaClass().getSimpleName() + "." + ((MethodSource) s).getMethodName())
                .orElse(method.getDisplayName());
    }
}
