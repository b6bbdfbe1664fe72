package org.ecom.ingest;

import java.io.BufferedInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipException;

/** The file formats the loader reads, told apart by their first bytes rather than by their names. */
public enum SourceFormat {
    CSV("csv"),
    CSV_GZ("csv.gz"),
    XLSX("xlsx");

    private final String label;

    SourceFormat(String label) {
        this.label = label;
    }

    /** The name stored in staging.load_batch.file_format. */
    public String label() {
        return label;
    }

    public static SourceFormat detect(Path file) throws IOException {
        if (Files.isDirectory(file)) {
            throw new InputFormatException(file + ": is a directory, not a file");
        }
        byte[] magic = new byte[4];
        int n;
        try (InputStream in = Files.newInputStream(file)) {
            n = in.readNBytes(magic, 0, 4);
        } catch (NoSuchFileException e) {
            throw new InputFormatException(file + ": no such file");
        }
        if (n == 0) {
            throw new InputFormatException(file + ": the file is empty");
        }
        if (n >= 2 && (magic[0] & 0xff) == 0x1f && (magic[1] & 0xff) == 0x8b) {
            return CSV_GZ;
        }
        if (n == 4 && magic[0] == 'P' && magic[1] == 'K' && magic[2] == 3 && magic[3] == 4) {
            return XLSX;
        }
        return CSV;
    }

    /**
     * Opens a file of this format as a stream of records, its header read and checked for presence;
     * CSV text is decoded as {@code encoding} says.
     */
    public RecordSource open(Path file, InputEncoding encoding) throws IOException {
        return switch (this) {
            case CSV -> new CsvRecordSource(file, new BufferedInputStream(Files.newInputStream(file), 1 << 16), encoding);
            case CSV_GZ -> new CsvRecordSource(file, new ReadAheadInputStream(new TruncationAwareInput(file, gunzip(file))), encoding);
            case XLSX -> XlsxRecordSource.open(file);
        };
    }

    private static InputStream gunzip(Path file) throws IOException {
        InputStream raw = Files.newInputStream(file);
        try {
            return new GZIPInputStream(raw, 1 << 16);
        } catch (EOFException | ZipException e) {
            raw.close();
            throw gzipFailure(file, e);
        }
    }

    /** The cause first: a file cut short (an incomplete download, a full disk) or bytes that are not gzip. */
    private static InputFormatException gzipFailure(Path file, IOException e) {
        String size;
        try {
            size = String.format(java.util.Locale.UK, "%,d", Files.size(file));
        } catch (IOException unreadable) {
            size = "?";
        }
        return new InputFormatException(file + (e instanceof EOFException
                ? ": truncated gzip stream after " + size + " bytes (the file ends before its gzip data does)"
                : ": corrupt gzip data (" + e.getMessage() + ")"), e);
    }

    /** Turns a gzip stream's low-level errors into one line that says what is wrong with the file. */
    private static final class TruncationAwareInput extends java.io.FilterInputStream {
        private final Path file;

        TruncationAwareInput(Path file, InputStream in) {
            super(in);
            this.file = file;
        }

        @Override
        public int read() throws IOException {
            try {
                return super.read();
            } catch (EOFException | ZipException e) {
                throw failure(e);
            }
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            try {
                return super.read(b, off, len);
            } catch (EOFException | ZipException e) {
                throw failure(e);
            }
        }

        private InputFormatException failure(IOException e) {
            return gzipFailure(file, e);
        }
    }
}
