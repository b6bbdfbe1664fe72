package org.ecom.azure;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Reads the Bicep subset azure/bicep uses: param, var, resource, module, output, type, import,
 * using, targetScope and metadata statements, decorators, and object and array literals with
 * loops and conditions. A statement outside that subset is an error naming file and line, so a
 * template the baseline cannot read never passes unread.
 */
final class BicepReader {

    private static final Set<String> VALUE_END = Set.of(",", "}", "]", ")");

    private final Path path;
    private final String text;
    private final List<Token> tokens;
    private int position;

    private BicepReader(Path path, String text) {
        this.path = path;
        this.text = text;
        this.tokens = BicepLexer.tokens(text, path.toString());
    }

    static BicepFile read(Path path) {
        try {
            return read(path, Files.readString(path));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static BicepFile read(Path path, String text) {
        return new BicepReader(path, text).file();
    }

    private BicepFile file() {
        String using = null;
        List<BicepFile.Param> params = new ArrayList<>();
        List<BicepFile.Variable> variables = new ArrayList<>();
        List<BicepFile.Resource> resources = new ArrayList<>();
        List<BicepFile.Module> modules = new ArrayList<>();
        while (true) {
            skipNewlines();
            if (peek().is(Token.Kind.END)) {
                break;
            }
            List<Expr.Decorator> decorators = decorators();
            Token keyword = expect(Token.Kind.IDENTIFIER, "a statement");
            Source source = source(keyword);
            switch (keyword.text()) {
                case "param" -> params.add(param(decorators, source));
                case "var" -> variables.add(new BicepFile.Variable(name(), assigned(), source));
                case "resource" -> resources.add(resource(source));
                case "module" -> modules.add(new BicepFile.Module(name(), string(), assigned(), source));
                case "using" -> using = string();
                // Read so that a syntax error there is still caught; the baseline does not use them.
                case "output" -> skipTypedDeclaration();
                case "type", "metadata" -> {
                    name();
                    assigned();
                }
                case "targetScope" -> assigned();
                case "import" -> skipToEndOfLine();
                default -> throw error(keyword, "unsupported statement '" + keyword.text() + "'");
            }
            endOfStatement();
        }
        return new BicepFile(path, using, params, variables, resources, modules);
    }

    /** {@code param name type [= default]} in a template; {@code param name = value} in a parameter file. */
    private BicepFile.Param param(List<Expr.Decorator> decorators, Source source) {
        String name = name();
        StringBuilder type = new StringBuilder();
        while (!peek().isSymbol("=") && !atEndOfLine()) {
            type.append(next().text());
        }
        Expr value = peek().isSymbol("=") ? assigned() : null;
        return new BicepFile.Param(name, type.toString(), decorators, value, source);
    }

    private BicepFile.Resource resource(Source source) {
        String symbol = name();
        String typeAndVersion = string();
        int at = typeAndVersion.indexOf('@');
        if (at < 0) {
            throw new BicepSyntaxException(source + ": resource type '" + typeAndVersion + "' has no @apiVersion");
        }
        boolean existing = peek().isKeyword("existing");
        if (existing) {
            next();
        }
        return new BicepFile.Resource(symbol, typeAndVersion.substring(0, at), typeAndVersion.substring(at + 1),
                existing, assigned(), source);
    }

    /** {@code output name type = value}; a resource output's type is a quoted resource type. */
    private void skipTypedDeclaration() {
        name();
        while (!peek().isSymbol("=")) {
            if (atEndOfLine()) {
                throw error(peek(), "expected '='");
            }
            next();
        }
        assigned();
    }

    private Expr assigned() {
        expectSymbol("=");
        Token first = peek();
        if (first.isKeyword("if")) {
            next();
            expectSymbol("(");
            Expr condition = value(Set.of(")"));
            expectSymbol(")");
            skipNewlines();
            return new Expr.IfExpr(condition, value(Set.of()), source(first));
        }
        return value(Set.of());
    }

    private List<Expr.Decorator> decorators() {
        List<Expr.Decorator> decorators = new ArrayList<>();
        while (peek().isSymbol("@")) {
            Token at = next();
            String name = name();
            if (name.equals("sys") && peek().isSymbol(".")) {
                next();
                name = name();
            }
            expectSymbol("(");
            List<Expr> arguments = new ArrayList<>();
            skipNewlines();
            while (!peek().isSymbol(")")) {
                arguments.add(value(Set.of()));
                skipNewlines();
                if (peek().isSymbol(",")) {
                    next();
                    skipNewlines();
                }
            }
            next();
            decorators.add(new Expr.Decorator(name, arguments, source(at)));
            skipNewlines();
        }
        return decorators;
    }

    /**
     * A value: a literal, a reference, an object or array literal, or else everything up to the end
     * of the value (a newline or closing bracket at this depth, or one of {@code extraEnds}) kept as
     * {@link Expr.Opaque}.
     */
    private Expr value(Set<String> extraEnds) {
        int start = position;
        Expr simple = simpleValue();
        if (simple != null && atValueEnd(extraEnds)) {
            return simple;
        }
        position = start;
        return opaque(extraEnds);
    }

    private Expr simpleValue() {
        Token token = peek();
        Source source = source(token);
        if (token.isSymbol("{")) {
            return object();
        }
        if (token.isSymbol("[")) {
            return array();
        }
        if (token.is(Token.Kind.STRING)) {
            return new Expr.Literal(next().text(), source);
        }
        if (token.is(Token.Kind.NUMBER)) {
            return new Expr.Literal(Long.parseLong(next().text()), source);
        }
        if (token.isSymbol("-") && tokens.get(position + 1).is(Token.Kind.NUMBER)) {
            next();
            return new Expr.Literal(-Long.parseLong(next().text()), source);
        }
        if (token.is(Token.Kind.IDENTIFIER)) {
            switch (token.text()) {
                case "true", "false" -> {
                    return new Expr.Literal(Boolean.parseBoolean(next().text()), source);
                }
                case "null" -> {
                    next();
                    return new Expr.Literal(null, source);
                }
                default -> {
                    List<String> path = new ArrayList<>(List.of(next().text()));
                    while (peek().isSymbol(".") && tokens.get(position + 1).is(Token.Kind.IDENTIFIER)) {
                        next();
                        path.add(next().text());
                    }
                    return new Expr.Ref(List.copyOf(path), source);
                }
            }
        }
        return null;
    }

    private Expr.ObjectExpr object() {
        Source source = source(expectSymbol("{"));
        List<Expr.Property> properties = new ArrayList<>();
        while (true) {
            skipSeparators();
            if (peek().isSymbol("}")) {
                next();
                return new Expr.ObjectExpr(List.copyOf(properties), source);
            }
            List<Expr.Decorator> decorators = decorators();
            Token key = next();
            if (!key.is(Token.Kind.IDENTIFIER) && !key.is(Token.Kind.STRING)) {
                throw error(key, "expected a property name");
            }
            if (peek().isSymbol("?")) {
                next(); // an optional property of a user-defined type
            }
            expectSymbol(":");
            properties.add(new Expr.Property(key.text(), decorators, value(Set.of())));
            if (!atValueEnd(Set.of())) {
                throw error(peek(), "expected a newline, ',' or '}' after property '" + key.text() + "'");
            }
        }
    }

    private Expr array() {
        Token open = expectSymbol("[");
        skipNewlines();
        if (peek().isKeyword("for")) {
            return loop(open);
        }
        List<Expr> items = new ArrayList<>();
        while (true) {
            skipSeparators();
            if (peek().isSymbol("]")) {
                next();
                return new Expr.ArrayExpr(List.copyOf(items), source(open));
            }
            items.add(value(Set.of()));
        }
    }

    /** After {@code [}: {@code for item in items: body ]} or {@code for (item, index) in ...}. */
    private Expr loop(Token open) {
        next();
        String item;
        String index = null;
        if (peek().isSymbol("(")) {
            next();
            item = name();
            expectSymbol(",");
            index = name();
            expectSymbol(")");
        } else {
            item = name();
        }
        if (!next().isKeyword("in")) {
            throw error(tokens.get(position - 1), "expected 'in'");
        }
        Expr items = value(Set.of(":"));
        expectSymbol(":");
        Expr body;
        if (peek().isKeyword("if")) {
            Token ifToken = next();
            expectSymbol("(");
            Expr condition = value(Set.of(")"));
            expectSymbol(")");
            body = new Expr.IfExpr(condition, value(Set.of()), source(ifToken));
        } else {
            body = value(Set.of());
        }
        skipNewlines();
        expectSymbol("]");
        return new Expr.ForExpr(item, index, items, body, source(open));
    }

    /** Everything to the end of the value, brackets balanced, kept as written. */
    private Expr.Opaque opaque(Set<String> extraEnds) {
        int start = position;
        int depth = 0;
        while (depth > 0 || !atValueEnd(extraEnds)) {
            Token token = next();
            if (token.is(Token.Kind.END)) {
                throw error(tokens.get(start), "unclosed bracket in expression");
            }
            if (token.isSymbol("(") || token.isSymbol("[") || token.isSymbol("{")) {
                depth++;
            } else if (token.isSymbol(")") || token.isSymbol("]") || token.isSymbol("}")) {
                depth--;
            }
        }
        if (position == start) {
            throw error(peek(), "expected a value, found '" + peek().text().strip() + "'");
        }
        Token first = tokens.get(start);
        return new Expr.Opaque(text.substring(first.start(), tokens.get(position - 1).end()), source(first));
    }

    private boolean atValueEnd(Set<String> extraEnds) {
        Token token = peek();
        return atEndOfLine() || token.kind() == Token.Kind.SYMBOL
                && (VALUE_END.contains(token.text()) || extraEnds.contains(token.text()));
    }

    private boolean atEndOfLine() {
        return peek().is(Token.Kind.NEWLINE) || peek().is(Token.Kind.END);
    }

    private void endOfStatement() {
        if (!atEndOfLine()) {
            throw error(peek(), "expected the end of the statement, found '" + peek().text() + "'");
        }
    }

    private void skipToEndOfLine() {
        while (!atEndOfLine()) {
            next();
        }
    }

    private void skipNewlines() {
        while (peek().is(Token.Kind.NEWLINE)) {
            next();
        }
    }

    private void skipSeparators() {
        while (peek().is(Token.Kind.NEWLINE) || peek().isSymbol(",")) {
            next();
        }
    }

    private String name() {
        return expect(Token.Kind.IDENTIFIER, "a name").text();
    }

    private String string() {
        return expect(Token.Kind.STRING, "a quoted string").text();
    }

    private Token expect(Token.Kind kind, String what) {
        Token token = next();
        if (!token.is(kind)) {
            throw error(token, "expected " + what + ", found '" + token.text() + "'");
        }
        return token;
    }

    private Token expectSymbol(String symbol) {
        Token token = next();
        if (!token.isSymbol(symbol)) {
            throw error(token, "expected '" + symbol + "', found '" + token.text().strip() + "'");
        }
        return token;
    }

    private Token peek() {
        return tokens.get(position);
    }

    private Token next() {
        Token token = tokens.get(position);
        if (!token.is(Token.Kind.END)) {
            position++;
        }
        return token;
    }

    private Source source(Token token) {
        return new Source(path, token.line());
    }

    private BicepSyntaxException error(Token token, String message) {
        return new BicepSyntaxException(source(token) + ": " + message);
    }
}
