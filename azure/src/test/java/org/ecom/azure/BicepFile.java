package org.ecom.azure;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * The declarations of one .bicep or .bicepparam file. Parameter files hold {@code using} and
 * parameters with values; templates hold the rest.
 */
record BicepFile(Path path, String using, List<Param> params, List<Variable> variables,
        List<Resource> resources, List<Module> modules) {

    /** {@code param name type = default} in a template, {@code param name = value} in a parameter file. */
    record Param(String name, String type, List<Expr.Decorator> decorators, Expr value, Source source) {

        Optional<Expr.Decorator> decorator(String name) {
            return decorators.stream().filter(d -> d.name().equals(name)).findFirst();
        }
    }

    record Variable(String name, Expr value, Source source) {
    }

    /** {@code resource symbol 'type@apiVersion' [existing] = body}. */
    record Resource(String symbol, String type, String apiVersion, boolean existing, Expr body, Source source) {
    }

    /** {@code module symbol 'path' = body}. */
    record Module(String symbol, String path, Expr body, Source source) {
    }

    Optional<Param> param(String name) {
        return params.stream().filter(p -> p.name().equals(name)).findFirst();
    }

    Optional<Variable> variable(String name) {
        return variables.stream().filter(v -> v.name().equals(name)).findFirst();
    }
}
