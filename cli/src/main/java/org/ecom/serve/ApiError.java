package org.ecom.serve;

/**
 * An error the API answers with: an HTTP status, a stable code a client can switch on, a message for
 * people, and the offending field or parameter when there is one.
 */
final class ApiError extends RuntimeException {

    final int status;
    final String code;
    final String field;

    ApiError(int status, String code, String message, String field) {
        super(message, null, false, false);
        this.status = status;
        this.code = code;
        this.field = field;
    }

    static ApiError badField(String field, String message) {
        return new ApiError(400, "invalid_field", message, field);
    }

    static ApiError notFound(String code, String message) {
        return new ApiError(404, code, message, null);
    }

    static ApiError databaseUnavailable(String message) {
        return new ApiError(503, "database_unavailable", message, null);
    }
}
