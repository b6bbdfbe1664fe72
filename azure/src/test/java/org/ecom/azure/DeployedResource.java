package org.ecom.azure;

import java.util.Optional;

/**
 * One resource a deployment would create (or reference, when {@code existing}), with its body
 * evaluated: parameters and loop variables replaced by their values.
 *
 * @param instance the module path it comes from, e.g. "primaryServer" ("" for main.bicep)
 * @param symbol its symbolic name in the template, which children name as their parent
 */
record DeployedResource(String instance, String symbol, String type, boolean existing, Expr.ObjectExpr body,
        Source source) {

    /** A property by dotted path, e.g. "properties.minimalTlsVersion". */
    Optional<Expr> property(String dottedPath) {
        Expr current = body;
        for (String name : dottedPath.split("\\.")) {
            if (!(current instanceof Expr.ObjectExpr object) || object.get(name).isEmpty()) {
                return Optional.empty();
            }
            current = object.get(name).get();
        }
        return Optional.of(current);
    }

    /** The literal value at a dotted path; empty when absent or not known offline. */
    Optional<Object> literal(String dottedPath) {
        return property(dottedPath).filter(Expr.Literal.class::isInstance).map(e -> ((Expr.Literal) e).value());
    }

    /** The symbol named by {@code parent:} or {@code scope:}: resource references stay as written. */
    Optional<String> reference(String property) {
        return property(property).filter(Expr.Opaque.class::isInstance).map(e -> ((Expr.Opaque) e).text());
    }

    /** Where a property is set, for a finding; the declaration when it is not set. */
    Source sourceOf(String dottedPath) {
        return property(dottedPath).map(Expr::source).orElse(source);
    }

    boolean isA(String resourceType) {
        return type.equalsIgnoreCase(resourceType);
    }
}
