package org.ecom.serve;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;

/**
 * The token rule of a server that has a token: a request carries {@code Authorization: Bearer
 * <token>}, or, from a browser, the session cookie that the login form sets once the token was
 * typed in. The cookie holds a random value of this process (not the token), so it is worth
 * nothing once the server restarts. Every comparison takes the same time whatever matches.
 */
final class TokenCheck {

    static final String COOKIE = "ecom_session";

    private final byte[] token;
    private final byte[] header;
    private final String session;

    TokenCheck(String token) {
        this.token = token.getBytes(StandardCharsets.UTF_8);
        this.header = ("Bearer " + token).getBytes(StandardCharsets.UTF_8);
        byte[] random = new byte[32];
        new SecureRandom().nextBytes(random);
        this.session = Base64.getUrlEncoder().withoutPadding().encodeToString(random);
    }

    /** The value of the Authorization header is the token's. */
    boolean header(String given) {
        return same(given, header);
    }

    /** What was typed into the login form is the token. */
    boolean token(String given) {
        return same(given, token);
    }

    /** The session cookie is the one the login form set. */
    boolean session(String given) {
        return same(given, session.getBytes(StandardCharsets.UTF_8));
    }

    /** The session cookie's value, for the login form to set. */
    String sessionValue() {
        return session;
    }

    private static boolean same(String given, byte[] expected) {
        return MessageDigest.isEqual((given == null ? "" : given).getBytes(StandardCharsets.UTF_8), expected);
    }
}
