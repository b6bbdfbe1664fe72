package org.ecom.db;

import static org.junit.jupiter.api.Assertions.fail;

import java.lang.reflect.Method;
import java.nio.file.Files;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.InvocationInterceptor;
import org.junit.jupiter.api.extension.ReflectiveInvocationContext;
import org.opentest4j.TestAbortedException;

/** What {@link BabelfishGap} does: on Babelfish, a failure aborts the test with the gap's name. */
final class BabelfishGapExtension implements InvocationInterceptor {

    /** How an aborted test's reason starts, for {@link BabelfishGapReport}. */
    static final String REASON_PREFIX = "Babelfish gap: ";

    @Override
    public void interceptTestTemplateMethod(Invocation<Void> invocation, ReflectiveInvocationContext<Method> invocationContext,
                                            ExtensionContext extensionContext) throws Throwable {
        boolean onBabelfish = invocationContext.getArguments().stream()
                .anyMatch(a -> a instanceof ContractEngines.Engine engine && engine.isBabelfish());
        if (!onBabelfish) {
            invocation.proceed();
            return;
        }
        String gap = invocationContext.getExecutable().getAnnotation(BabelfishGap.class).value();
        if (!Files.readString(ProjectFiles.root().resolve("database/README.md")).contains(gap)) {
            fail("@BabelfishGap(\"" + gap + "\") names no gap of database/README.md");
        }
        try {
            invocation.proceed();
        } catch (Throwable failure) {
            String message = String.valueOf(failure.getMessage()).strip().lines().findFirst().orElse("");
            throw new TestAbortedException(REASON_PREFIX + gap + " (" + message + ")", failure);
        }
        fail("passes on Babelfish although marked @BabelfishGap(\"" + gap + "\"): remove the mark");
    }
}
