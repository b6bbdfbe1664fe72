package org.ecom.db;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A contract test that cannot pass on Babelfish because of a gap that database/README.md lists,
 * named here as it is there. On Babelfish the test still runs: when it fails it is reported as
 * aborted with the gap's name (and counted at the end of the run, {@link BabelfishGapReport});
 * when it passes it fails, so that a mark that no longer applies is removed. Other engines run it
 * as usual.
 */
@Target(ElementType.METHOD)
@Retention(RetentionPolicy.RUNTIME)
@ExtendWith(BabelfishGapExtension.class)
public @interface BabelfishGap {
    /** The gap, as database/README.md's gap list names it. */
    String value();
}
