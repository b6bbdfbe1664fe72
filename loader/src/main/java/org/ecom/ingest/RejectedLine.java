package org.ecom.ingest;

/** A source row that could not be read as a sales line: one row of staging.rejected_line. */
public record RejectedLine(long lineNumber, String rawText, String reason) {
}
