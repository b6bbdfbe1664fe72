package org.ecom.azure;

import java.util.List;
import java.util.Optional;

/**
 * A Bicep expression as far as the security baseline needs to read it: literals, references,
 * object and array literals, loops and conditions. Anything else (function calls, operators,
 * interpolated strings) is {@link Opaque}: kept verbatim, and never taken for a checked value.
 */
sealed interface Expr {

    Source source();

    /** A string, a whole number, true, false or null. */
    record Literal(Object value, Source source) implements Expr {
    }

    /** A name with optional property access: {@code rule.startIpAddress}. */
    record Ref(List<String> path, Source source) implements Expr {
    }

    record ObjectExpr(List<Property> properties, Source source) implements Expr {

        Optional<Expr> get(String name) {
            return properties.stream().filter(p -> p.name().equals(name)).map(Property::value).findFirst();
        }
    }

    /** An object property; decorators appear on the properties of a user-defined type. */
    record Property(String name, List<Decorator> decorators, Expr value) {
    }

    record ArrayExpr(List<Expr> items, Source source) implements Expr {
    }

    /** {@code [for item in source: body]}, or {@code [for (item, index) in ...]}. */
    record ForExpr(String item, String index, Expr items, Expr body, Source source) implements Expr {
    }

    /** {@code if (condition) { ... }}: a conditional resource or module. */
    record IfExpr(Expr condition, Expr body, Source source) implements Expr {
    }

    /** An expression this reader does not model, as written. */
    record Opaque(String text, Source source) implements Expr {
    }

    /** {@code @name(arguments)} before a declaration or a type property. */
    record Decorator(String name, List<Expr> arguments, Source source) {
    }
}
