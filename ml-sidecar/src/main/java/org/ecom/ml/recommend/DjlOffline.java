package org.ecom.ml.recommend;

import java.nio.file.Path;

/**
 * Keeps DJL off the network. DJL 0.35 reads each setting from the environment variable first
 * and the system property second ({@code ai.djl.util.Utils.getEnvOrSystemProperty}); offline mode
 * is the environment variable {@code DJL_OFFLINE} or else the system property {@code ai.djl.offline}.
 * The native PyTorch library comes from the pytorch-native-cpu jar on the class path and is
 * extracted once into the cache directory. An environment variable set by the operator wins.
 * Must run before the first use of the engine: DJL reads these once per JVM.
 */
final class DjlOffline {

    private DjlOffline() {
    }

    static synchronized void configure(Path cacheDir) {
        String cache = cacheDir.toAbsolutePath().toString();
        System.setProperty("ai.djl.offline", "true");
        System.setProperty("OPT_OUT_TRACKING", "true");
        System.setProperty("DJL_CACHE_DIR", cache);
        System.setProperty("ENGINE_CACHE_DIR", cache);
    }
}
