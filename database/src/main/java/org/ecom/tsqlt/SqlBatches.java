package org.ecom.tsqlt;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits a T-SQL script into the batches that sqlcmd and SSMS would send: a line that is exactly
 * {@code GO} (any case, surrounding blanks allowed) ends a batch. A {@code GO} inside a string
 * literal, a quoted identifier or a comment (nested block comments included) does not, nor does a
 * line such as {@code GOTO done} or {@code GO 5}. Batches holding only blanks and comments are
 * left out.
 */
public final class SqlBatches {

    /** One batch and the 1-based line of the script it starts on, for error messages. */
    public record Batch(String sql, int firstLine) {
    }

    private enum State { CODE, STRING, BRACKETED, QUOTED, LINE_COMMENT, BLOCK_COMMENT }

    private SqlBatches() {
    }

    public static List<Batch> split(String script) {
        String text = script.startsWith("\uFEFF") ? script.substring(1) : script;
        int n = text.length();
        List<Batch> batches = new ArrayList<>();
        State state = State.CODE;
        int commentDepth = 0;
        int batchStart = 0;
        int batchFirstLine = 1;
        boolean batchHasCode = false;
        int line = 1;
        int i = 0;
        while (i < n) {
            if (state == State.CODE && (i == 0 || text.charAt(i - 1) == '\n')) {
                int newline = text.indexOf('\n', i);
                int lineEnd = newline < 0 ? n : newline;
                if (text.substring(i, lineEnd).strip().equalsIgnoreCase("GO")) {
                    if (batchHasCode) {
                        batches.add(new Batch(text.substring(batchStart, i), batchFirstLine));
                    }
                    i = newline < 0 ? n : newline + 1;
                    line++;
                    batchStart = i;
                    batchFirstLine = line;
                    batchHasCode = false;
                    continue;
                }
            }
            char c = text.charAt(i);
            char next = i + 1 < n ? text.charAt(i + 1) : '\0';
            switch (state) {
                case CODE -> {
                    if (c == '-' && next == '-') {
                        state = State.LINE_COMMENT;
                        i++;
                    } else if (c == '/' && next == '*') {
                        state = State.BLOCK_COMMENT;
                        commentDepth = 1;
                        i++;
                    } else if (!Character.isWhitespace(c)) {
                        batchHasCode = true;
                        if (c == '\'') {
                            state = State.STRING;
                        } else if (c == '[') {
                            state = State.BRACKETED;
                        } else if (c == '"') {
                            state = State.QUOTED;
                        }
                    }
                }
                case STRING, BRACKETED, QUOTED -> {
                    char close = state == State.STRING ? '\'' : state == State.BRACKETED ? ']' : '"';
                    if (c == close) {
                        if (next == close) {
                            i++; // a doubled closing character stands for itself: 'it''s', [a]]b]
                        } else {
                            state = State.CODE;
                        }
                    }
                }
                case LINE_COMMENT -> {
                    if (c == '\n') {
                        state = State.CODE;
                    }
                }
                case BLOCK_COMMENT -> {
                    if (c == '/' && next == '*') {
                        commentDepth++;
                        i++;
                    } else if (c == '*' && next == '/') {
                        i++;
                        if (--commentDepth == 0) {
                            state = State.CODE;
                        }
                    }
                }
            }
            if (c == '\n') {
                line++;
            }
            i++;
        }
        if (batchHasCode) {
            batches.add(new Batch(text.substring(batchStart), batchFirstLine));
        }
        return batches;
    }
}
