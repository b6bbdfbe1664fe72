package org.ecom.serve;

import java.time.Duration;
import java.util.Optional;

/**
 * How {@code ./ecom serve} listens and what it allows.
 *
 * @param bind             the address to listen on (127.0.0.1 unless a token is given)
 * @param port             the port; 0 picks a free one
 * @param token            the bearer token every request must carry, when set
 * @param requestsPerSecond requests a client (by address) may make per second before getting 429
 * @param maxBodyBytes     the largest request body accepted (413 beyond)
 * @param statementTimeout how long one query may run before the driver cancels it
 * @param refreshEvery     how often the served snapshot is checked against the database's current runs and loads
 */
public record ServeSettings(String bind, int port, Optional<String> token, int requestsPerSecond, long maxBodyBytes,
                            Duration statementTimeout, Duration refreshEvery) {

    public ServeSettings {
        if (port < 0 || port > 65_535) {
            throw new IllegalArgumentException("port must be 0..65535, not " + port);
        }
        if (requestsPerSecond < 1 || maxBodyBytes < 1) {
            throw new IllegalArgumentException("the rate limit and the body limit must be positive");
        }
        if (token.isEmpty() && !isLoopback(bind)) {
            throw new IllegalArgumentException("binding to " + bind + " needs a token (--token or ECOM_SERVE_TOKEN):"
                    + " anyone who can reach the address could read every customer");
        }
        if (token.isPresent() && token.get().length() < 16) {
            throw new IllegalArgumentException("the token must be at least 16 characters");
        }
    }

    /** 127.0.0.1 on the given port, no token, 200 requests per second per client, 16 kB bodies, 5 s statements, 2 s refresh. */
    public static ServeSettings local(int port) {
        return new ServeSettings("127.0.0.1", port, Optional.empty(), 200, 16_384, Duration.ofSeconds(5), Duration.ofSeconds(2));
    }

    static boolean isLoopback(String host) {
        return host.equals("localhost") || host.equals("::1") || host.startsWith("127.");
    }
}
