package org.ecom.azure;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A parameter file applied to its template, modules included: the resources Bicep would deploy,
 * with parameter values, variables and loop items filled in. What cannot be known offline
 * (function calls, other resources' properties) stays {@link Expr.Opaque}; a condition that is
 * not known is taken as true, and a loop over unknown items yields one item that is unknown, so
 * the baseline errs towards checking too much.
 */
final class Deployment {

    private final TemplateFiles files;
    private final List<DeployedResource> resources = new ArrayList<>();

    private Deployment(TemplateFiles files) {
        this.files = files;
    }

    /** @param parameterFile e.g. azure/parameters/prod.bicepparam, whose {@code using} names the template */
    static Deployment of(String parameterFile, TemplateFiles files) {
        Path path = Path.of(parameterFile);
        BicepFile parameters = files.read(path);
        if (parameters.using() == null) {
            throw new IllegalArgumentException(path + " has no 'using' statement naming its template");
        }
        Map<String, Expr> arguments = new LinkedHashMap<>();
        Scope none = new Scope(parameters, Map.of());
        parameters.params().forEach(param -> arguments.put(param.name(), none.evaluate(param.value())));
        Deployment deployment = new Deployment(files);
        deployment.expand(path.resolveSibling(parameters.using()).normalize(), "", arguments);
        return deployment;
    }

    List<DeployedResource> resources() {
        return List.copyOf(resources);
    }

    private void expand(Path template, String instance, Map<String, Expr> arguments) {
        BicepFile file = files.read(template);
        for (String name : arguments.keySet()) {
            if (file.param(name).isEmpty()) {
                throw new IllegalArgumentException(template + " has no parameter '" + name + "' (given for " + where(instance) + ")");
            }
        }
        Map<String, Expr> values = new LinkedHashMap<>();
        for (BicepFile.Param param : file.params()) {
            Expr value = arguments.get(param.name());
            if (value == null && param.value() == null) {
                throw new IllegalArgumentException(param.source() + ": parameter '" + param.name()
                        + "' has no default and no value (for " + where(instance) + ")");
            }
            values.put(param.name(), value != null ? value : new Scope(file, values).evaluate(param.value()));
        }
        Scope scope = new Scope(file, values);
        for (BicepFile.Resource resource : file.resources()) {
            for (Expr.ObjectExpr body : scope.instances(resource.body())) {
                resources.add(new DeployedResource(instance, resource.symbol(), resource.type(), resource.existing(),
                        body, resource.source()));
            }
        }
        for (BicepFile.Module module : file.modules()) {
            for (Expr.ObjectExpr body : scope.instances(module.body())) {
                Map<String, Expr> moduleArguments = new LinkedHashMap<>();
                if (body.get("params").orElse(null) instanceof Expr.ObjectExpr params) {
                    params.properties().forEach(p -> moduleArguments.put(p.name(), p.value()));
                }
                String path = instance.isEmpty() ? module.symbol() : instance + "/" + module.symbol();
                expand(template.resolveSibling(module.path()).normalize(), path, moduleArguments);
            }
        }
    }

    private static String where(String instance) {
        return instance.isEmpty() ? "the parameter file" : "module " + instance;
    }

    /** The values names stand for in one file: its parameters, its variables and loop items. */
    private record Scope(BicepFile file, Map<String, Expr> names) {

        Scope with(String name, Expr value) {
            Map<String, Expr> more = new HashMap<>(names);
            more.put(name, value);
            return new Scope(file, more);
        }

        Expr evaluate(Expr expr) {
            if (expr instanceof Expr.Ref ref) {
                return resolve(ref);
            }
            if (expr instanceof Expr.ObjectExpr object) {
                return new Expr.ObjectExpr(object.properties().stream()
                        .map(p -> new Expr.Property(p.name(), p.decorators(), evaluate(p.value())))
                        .toList(), object.source());
            }
            if (expr instanceof Expr.ArrayExpr array) {
                return new Expr.ArrayExpr(array.items().stream().map(this::evaluate).toList(), array.source());
            }
            if (expr instanceof Expr.ForExpr loop) {
                return new Expr.ArrayExpr(List.copyOf(instances(loop)), loop.source());
            }
            if (expr instanceof Expr.IfExpr condition) {
                throw new BicepSyntaxException(condition.source() + ": 'if' is only read before a resource or module body");
            }
            return expr; // a literal or an opaque expression
        }

        /** The objects a resource or module body stands for: none, one, or one per loop item. */
        List<Expr.ObjectExpr> instances(Expr body) {
            if (body instanceof Expr.IfExpr condition) {
                boolean skipped = evaluate(condition.condition()) instanceof Expr.Literal literal
                        && Boolean.FALSE.equals(literal.value());
                return skipped ? List.of() : instances(condition.body());
            }
            if (body instanceof Expr.ForExpr loop) {
                return instances(loop);
            }
            if (evaluate(body) instanceof Expr.ObjectExpr object) {
                return List.of(object);
            }
            throw new BicepSyntaxException(body.source() + ": expected an object, a loop or a condition");
        }

        private List<Expr.ObjectExpr> instances(Expr.ForExpr loop) {
            Expr items = evaluate(loop.items());
            if (!(items instanceof Expr.ArrayExpr array)) {
                return with(loop.item(), items).instances(loop.body());
            }
            List<Expr.ObjectExpr> result = new ArrayList<>();
            for (int i = 0; i < array.items().size(); i++) {
                Scope itemScope = with(loop.item(), array.items().get(i));
                if (loop.index() != null) {
                    itemScope = itemScope.with(loop.index(), new Expr.Literal((long) i, loop.source()));
                }
                result.addAll(itemScope.instances(loop.body()));
            }
            return result;
        }

        /** A parameter, variable or loop item, then its properties; anything else stays opaque. */
        private Expr resolve(Expr.Ref ref) {
            String head = ref.path().get(0);
            Expr value = names.get(head);
            if (value == null) {
                value = file.variable(head).map(v -> evaluate(v.value())).orElse(null);
            }
            if (value == null) {
                return new Expr.Opaque(String.join(".", ref.path()), ref.source());
            }
            for (String property : ref.path().subList(1, ref.path().size())) {
                if (!(value instanceof Expr.ObjectExpr object) || object.get(property).isEmpty()) {
                    return new Expr.Opaque(String.join(".", ref.path()), ref.source());
                }
                value = object.get(property).get();
            }
            return value;
        }
    }
}
