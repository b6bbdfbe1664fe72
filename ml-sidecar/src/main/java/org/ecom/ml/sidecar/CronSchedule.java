package org.ecom.ml.sidecar;

import com.cronutils.model.CronType;
import com.cronutils.model.definition.CronDefinitionBuilder;
import com.cronutils.model.time.ExecutionTime;
import com.cronutils.parser.CronParser;
import java.time.ZonedDateTime;

/** A five-field Unix cron expression ("minute hour day-of-month month day-of-week"), e.g. "0 3 * * *". */
public final class CronSchedule {

    private static final CronParser PARSER = new CronParser(CronDefinitionBuilder.instanceDefinitionFor(CronType.UNIX));

    private final String expression;
    private final ExecutionTime executionTime;

    private CronSchedule(String expression, ExecutionTime executionTime) {
        this.expression = expression;
        this.executionTime = executionTime;
    }

    public static CronSchedule parse(String expression) {
        try {
            return new CronSchedule(expression, ExecutionTime.forCron(PARSER.parse(expression.trim())));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("invalid cron expression '" + expression
                    + "' (want five fields: minute hour day-of-month month day-of-week, e.g. \"0 3 * * *\"): "
                    + e.getMessage(), e);
        }
    }

    /** The first time strictly after {@code after} that the expression matches. */
    public ZonedDateTime next(ZonedDateTime after) {
        return executionTime.nextExecution(after)
                .orElseThrow(() -> new IllegalStateException("cron expression '" + expression + "' never fires again"));
    }

    @Override
    public String toString() {
        return expression;
    }
}
