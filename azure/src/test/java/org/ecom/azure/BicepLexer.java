package org.ecom.azure;

import java.util.ArrayList;
import java.util.List;

/** Splits Bicep text into tokens; comments are dropped, newlines kept. */
final class BicepLexer {

    /** Two-character operators first, so that "==" is not read as two "=". */
    private static final List<String> SYMBOLS = List.of(
            "==", "!=", "<=", ">=", "&&", "||", "??", "=>", "=~", "!~", ".?",
            "{", "}", "[", "]", "(", ")", ":", ",", ".", "?", "!", "=", "@", "|", "<", ">", "+", "-", "*", "/", "%");

    private final String text;
    private final String fileName;
    private final List<Token> tokens = new ArrayList<>();
    private int position;
    private int line = 1;

    private BicepLexer(String text, String fileName) {
        this.text = text;
        this.fileName = fileName;
    }

    static List<Token> tokens(String text, String fileName) {
        BicepLexer lexer = new BicepLexer(text, fileName);
        lexer.run();
        return lexer.tokens;
    }

    private void run() {
        while (position < text.length()) {
            char c = text.charAt(position);
            if (c == '\n') {
                add(Token.Kind.NEWLINE, "\n", position, position + 1);
                position++;
                line++;
            } else if (Character.isWhitespace(c)) {
                position++;
            } else if (text.startsWith("//", position)) {
                while (position < text.length() && text.charAt(position) != '\n') {
                    position++;
                }
            } else if (text.startsWith("/*", position)) {
                int close = text.indexOf("*/", position + 2);
                if (close < 0) {
                    throw error("unclosed /* comment");
                }
                countLines(position, close + 2);
                position = close + 2;
            } else if (text.startsWith("'''", position)) {
                multiLineString();
            } else if (c == '\'') {
                string();
            } else if (Character.isDigit(c)) {
                int start = position;
                while (position < text.length() && Character.isDigit(text.charAt(position))) {
                    position++;
                }
                add(Token.Kind.NUMBER, text.substring(start, position), start, position);
            } else if (Character.isLetter(c) || c == '_') {
                int start = position;
                while (position < text.length()
                        && (Character.isLetterOrDigit(text.charAt(position)) || text.charAt(position) == '_')) {
                    position++;
                }
                add(Token.Kind.IDENTIFIER, text.substring(start, position), start, position);
            } else {
                symbol();
            }
        }
        add(Token.Kind.END, "", position, position);
    }

    private void symbol() {
        for (String symbol : SYMBOLS) {
            if (text.startsWith(symbol, position)) {
                add(Token.Kind.SYMBOL, symbol, position, position + symbol.length());
                position += symbol.length();
                return;
            }
        }
        throw error("unexpected character '" + text.charAt(position) + "'");
    }

    /** 'text' with \' \\ \n \r \t \$ escapes; ${...} makes it a template string. */
    private void string() {
        int start = position;
        int startLine = line;
        StringBuilder value = new StringBuilder();
        boolean interpolated = false;
        position++;
        while (true) {
            if (position >= text.length() || text.charAt(position) == '\n') {
                throw error("unclosed string");
            }
            char c = text.charAt(position);
            if (c == '\'') {
                position++;
                break;
            }
            if (c == '\\' && position + 1 < text.length()) {
                value.append(unescaped(text.charAt(position + 1)));
                position += 2;
            } else if (text.startsWith("${", position)) {
                interpolated = true;
                skipInterpolation();
            } else {
                value.append(c);
                position++;
            }
        }
        tokens.add(new Token(interpolated ? Token.Kind.TEMPLATE_STRING : Token.Kind.STRING,
                interpolated ? text.substring(start, position) : value.toString(), startLine, start, position));
    }

    /** Skips ${ ... } including nested braces and strings. */
    private void skipInterpolation() {
        position++; // the $
        int depth = 0;
        do {
            char c = text.charAt(position);
            if (c == '{') {
                depth++;
            } else if (c == '}') {
                depth--;
            } else if (c == '\'') {
                int before = tokens.size();
                string();
                tokens.remove(before);
                continue;
            } else if (c == '\n') {
                throw error("unclosed ${ in a string");
            }
            position++;
        } while (depth > 0 && position < text.length());
    }

    private char unescaped(char escaped) {
        return switch (escaped) {
            case 'n' -> '\n';
            case 'r' -> '\r';
            case 't' -> '\t';
            case '\'', '\\', '$' -> escaped;
            default -> throw error("unknown escape \\" + escaped);
        };
    }

    private void multiLineString() {
        int start = position;
        int startLine = line;
        int close = text.indexOf("'''", position + 3);
        if (close < 0) {
            throw error("unclosed ''' string");
        }
        countLines(position, close + 3);
        position = close + 3;
        tokens.add(new Token(Token.Kind.TEMPLATE_STRING, text.substring(start, position), startLine, start, position));
    }

    private void countLines(int from, int to) {
        for (int i = from; i < to; i++) {
            if (text.charAt(i) == '\n') {
                line++;
            }
        }
    }

    private void add(Token.Kind kind, String tokenText, int start, int end) {
        tokens.add(new Token(kind, tokenText, line, start, end));
    }

    private BicepSyntaxException error(String message) {
        return new BicepSyntaxException(fileName + ":" + line + ": " + message);
    }
}
