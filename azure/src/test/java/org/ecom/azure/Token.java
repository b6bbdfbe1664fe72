package org.ecom.azure;

/**
 * One lexical token of a Bicep file. {@code start} and {@code end} are offsets in the text, so an
 * expression the reader does not model can be kept verbatim.
 */
record Token(Kind kind, String text, int line, int start, int end) {

    enum Kind {
        IDENTIFIER,
        /** A single-quoted string without ${...}: {@code text} is its value, escapes resolved. */
        STRING,
        /** A string with ${...} interpolation, or a ''' multi-line string: only its source is kept. */
        TEMPLATE_STRING,
        NUMBER,
        /** Punctuation and operators: {@code text} is the symbol itself. */
        SYMBOL,
        /** Newlines separate statements and object properties in Bicep. */
        NEWLINE,
        END
    }

    boolean is(Kind expected) {
        return kind == expected;
    }

    boolean isSymbol(String symbol) {
        return kind == Kind.SYMBOL && text.equals(symbol);
    }

    boolean isKeyword(String keyword) {
        return kind == Kind.IDENTIFIER && text.equals(keyword);
    }
}
