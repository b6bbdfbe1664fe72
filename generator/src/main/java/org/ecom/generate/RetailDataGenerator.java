package org.ecom.generate;

import de.siegmar.fastcsv.writer.CsvWriter;
import de.siegmar.fastcsv.writer.LineDelimiter;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.SplittableRandom;
import java.util.function.LongConsumer;
import java.util.zip.Deflater;
import java.util.zip.GZIPOutputStream;

/**
 * Writes synthetic sales in the Online Retail II CSV format (UTF-8, LF line ends, header {@value
 * #HEADER_TEXT}), with the shape and the quirks of the real data, streaming: memory stays flat
 * whatever the number of rows. The same settings give a byte-identical file.
 *
 * <h2>Shape and quirks</h2>
 * <ul>
 *   <li>Invoices of about 20 lines (lognormal line counts, up to 1,000), one customer, one country,
 *       one timestamp (3% of the longer ones spill into the next minute), in time order from
 *       2009-12-01 to 2011-12-09, busiest September-November, business hours, no Saturdays
 *       ({@link TradingCalendar}). Invoice numbers count up from 489434 (6 digits while they fit).
 *   <li>About 23% of the rows without customer (anonymous invoices, nearly all United Kingdom).
 *   <li>About 3% exact duplicate rows: a line repeated verbatim later in the same invoice, often
 *       right after it, otherwise anywhere further on.
 *   <li>About 2% of the rows in cancellations {@code C489449}: one to a few lines of a recent invoice
 *       of the same customer (8% anonymous), negative quantities, same prices.
 *   <li>Adjustments {@code A} + number, stock code {@code B}, {@code Adjust bad debt}, quantity 1,
 *       one positive and two negative prices, no customer: one group of three per two million rows.
 *   <li>About 0.3% zero prices: free lines in ordinary invoices and stock notes (one-line
 *       anonymous invoices with a negative quantity and a note such as {@code damaged}, {@code ?}
 *       or an empty description).
 *   <li>Quantities: mostly 1-12, a discretised Pareto tail (alpha 1.4 from 12, up to 80,995) for
 *       bulk lines; bulk lines get a lower unit price.
 *   <li>4,800 products ({@link Catalog}) plus {@code POST} (postage on half of the invoices of
 *       customers abroad), {@code DOT} (postage on some anonymous web orders) and {@code M}
 *       (manual lines); 43 countries with their real names ({@link Countries}), United Kingdom
 *       about 90% of rows.
 * </ul>
 *
 * <h2>Planted structure, for tests of models</h2>
 * <ul>
 *   <li>Customer personas ({@link CustomerBase.Persona}): frequent high spenders (5% of customers,
 *       30% of the customer invoices, bigger baskets and bulk quantities), regulars, occasional
 *       buyers and one-off buyers (exactly one invoice each). {@link #customers()} tells the persona
 *       of a customer id.
 *   <li>Co-purchased pairs ({@link Catalog#coPurchasedPairs()}): 40 pairs of mid-popular products;
 *       an invoice holding one of them holds the other with probability 0.6 or more (0.76 measured,
 *       against 0.035 for any invoice).
 * </ul>
 */
public final class RetailDataGenerator {
    public static final String HEADER_TEXT =
            "Invoice,StockCode,Description,Quantity,InvoiceDate,Price,Customer ID,Country";
    static final String[] HEADER = HEADER_TEXT.split(",");
    /** How often the progress listener hears of the rows written. */
    public static final long PROGRESS_EVERY = 100_000;

    private final GeneratorSettings settings;
    private final Catalog catalog;
    private final Countries countries = new Countries();
    private final CustomerBase customers;
    private final TradingCalendar calendar = new TradingCalendar();

    public RetailDataGenerator(GeneratorSettings settings) {
        this.settings = settings;
        // Independent streams for the catalog, the customers and the rows: changing how rows are
        // drawn leaves products and customers as they were.
        SplittableRandom root = new SplittableRandom(settings.seed());
        this.catalog = new Catalog(root.split());
        this.customers = new CustomerBase(settings.rows(), countries, root.split());
    }

    public GeneratorSettings settings() {
        return settings;
    }

    /** The products, with the planted co-purchased pairs. */
    public Catalog catalog() {
        return catalog;
    }

    /** The customers, with their personas and countries. */
    public CustomerBase customers() {
        return customers;
    }

    /** Whether a file of this name is written gzip-compressed (the name ends with {@code .gz}). */
    public static boolean isGzipName(Path file) {
        Path name = file.getFileName();
        return name != null && name.toString().endsWith(".gz");
    }

    /** Writes the file, gzip-compressed if its name ends with {@code .gz}. */
    public void write(Path out) throws IOException {
        write(out, isGzipName(out), null);
    }

    /** As {@link #write(Path)}, telling {@code progress} the rows written so far every 100,000 rows. */
    public void write(Path out, LongConsumer progress) throws IOException {
        write(out, isGzipName(out), progress);
    }

    /**
     * Writes the file, gzip-compressed or not whatever its name (for a temporary file that will be
     * renamed). {@code progress} (may be null) hears the rows written every 100,000 rows and at the end.
     */
    public void write(Path out, boolean gzip, LongConsumer progress) throws IOException {
        try (OutputStream file = Files.newOutputStream(out);
                OutputStream stream = gzip ? fastGzip(file) : new BufferedOutputStream(file, 1 << 16)) {
            write(stream, progress);
        }
    }

    /** Writes the plain CSV to {@code out}, which is flushed but left open. */
    public void write(OutputStream out, LongConsumer progress) throws IOException {
        CsvWriter csv = CsvWriter.builder()
                .lineDelimiter(LineDelimiter.LF)
                .bufferSize(1 << 16)
                .build(out, StandardCharsets.UTF_8);
        csv.writeRecord(HEADER);
        new GenerationRun(settings, catalog, countries, customers, calendar, csv, progress).run();
        csv.flush();
    }

    /**
     * Gzip at the fastest level: several times quicker than the default and only slightly bigger,
     * which matters for ten million rows.
     */
    private static OutputStream fastGzip(OutputStream file) throws IOException {
        return new GZIPOutputStream(file, 1 << 16) {
            {
                def.setLevel(Deflater.BEST_SPEED);
            }
        };
    }
}
