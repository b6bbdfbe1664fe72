package org.ecom.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.ecom.ingest.InputEncoding;
import picocli.CommandLine.Option;

/** What load and run read: the files, checked before any work, and how their text is encoded. */
final class InputOptions {

    @Option(names = "--encoding", paramLabel = "ENCODING", defaultValue = "utf-8", converter = EncodingConverter.class,
            description = "Text encoding of CSV files: utf-8 (default; strict: a byte that is not UTF-8 stops the load at its line and byte offset) or cp1252 (Windows-1252, which also reads Latin-1 letters).")
    InputEncoding encoding;

    static final class EncodingConverter implements picocli.CommandLine.ITypeConverter<InputEncoding> {
        public InputEncoding convert(String value) {
            try {
                return InputEncoding.ofName(value.trim());
            } catch (IllegalArgumentException e) {
                throw new picocli.CommandLine.TypeConversionException(e.getMessage()); // the reason alone, not the class
            }
        }
    }

    /** A path that is no file is a usage error (exit 2), said before a database is opened. */
    static void requireFiles(List<Path> files) {
        for (Path file : files) {
            if (Files.isDirectory(file)) {
                throw new IllegalArgumentException(file + ": is a directory, not a file");
            }
            if (!Files.isRegularFile(file)) {
                throw new IllegalArgumentException(file + ": no such file");
            }
        }
    }
}
