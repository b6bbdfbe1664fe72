package org.ecom.generate;

import de.siegmar.fastcsv.writer.CsvWriter;
import java.io.IOException;
import java.util.SplittableRandom;
import java.util.function.LongConsumer;

/**
 * One pass of the generator loop: draws invoice after invoice and writes their rows until the
 * wanted number is reached (the last invoice is cut short if need be). Holds only the current
 * invoice and a small ring of recent ones (for cancellations), so memory does not grow with rows.
 */
final class GenerationRun {
    // Invoice kinds, per invoice drawn (tuned so that the row shares match the real data).
    private static final double CANCELLATION = 0.175;
    private static final double STOCK_NOTE = 0.018;
    private static final double ANONYMOUS = 0.255;
    // Lines.
    private static final double MEAN_LINES = 17.5;
    private static final double LINES_SIGMA = 1.0;
    private static final int MAX_LINES = 1000;
    private static final double DUPLICATE = 0.031;
    private static final double ADJACENT_DUPLICATE = 0.4;
    private static final double ZERO_PRICE = 0.002;
    private static final double VARIANT_DESCRIPTION = 0.25;
    private static final double SECOND_MINUTE = 0.03;
    private static final double POSTAGE_ABROAD = 0.5;
    private static final double DOTCOM_POSTAGE = 0.1;
    private static final double MANUAL = 0.005;
    // Quantities: small ones from a table shaped like the real counts, bulk ones from a Pareto.
    private static final int[] SMALL_QUANTITIES = {1, 2, 3, 4, 5, 6, 8, 10, 12, 24};
    private static final double[] SMALL_CUMULATIVE = cumulative(24, 14, 8, 10, 2, 13, 4, 5, 16, 4);
    private static final double PARETO_ALPHA = 1.4;
    private static final int MAX_QUANTITY = 80_995;
    private static final String[] NOTES = {"damaged", "check", "?", "missing", "lost", "wet damaged", ""};
    private static final int FIRST_INVOICE = 489_434;
    private static final long ADJUSTMENT_EVERY = 2_000_000;

    private final long rows;
    private final Catalog catalog;
    private final Countries countries;
    private final CustomerBase customers;
    private final TradingCalendar calendar;
    private final CsvWriter csv;
    private final LongConsumer progress;
    private final SplittableRandom random;
    private final int[] oneOffUsed;
    private final String[] row = new String[8];
    private final Invoice invoice = new Invoice();
    private final RecentInvoices recent = new RecentInvoices();
    /** Per product: the number of the last invoice it was put in, to keep lines distinct. */
    private final int[] lastInvoiceOf;

    private long written;
    private int invoiceNumber;
    private final long adjustmentGroups;
    private long adjustmentsDone;

    GenerationRun(GeneratorSettings settings, Catalog catalog, Countries countries, CustomerBase customers,
            TradingCalendar calendar, CsvWriter csv, LongConsumer progress) {
        this.rows = settings.rows();
        this.catalog = catalog;
        this.countries = countries;
        this.customers = customers;
        this.calendar = calendar;
        this.csv = csv;
        this.progress = progress;
        // Skip the two streams the constructor of RetailDataGenerator split off.
        SplittableRandom root = new SplittableRandom(settings.seed());
        root.split();
        root.split();
        this.random = root.split();
        this.oneOffUsed = new int[countries.count()];
        this.lastInvoiceOf = new int[catalog.size()];
        java.util.Arrays.fill(lastInvoiceOf, -1);
        // Keep 6-digit invoice numbers while they fit (about 18 rows per invoice drawn).
        long expectedInvoices = rows / 18 + 1;
        this.invoiceNumber = (int) Math.max(100_000, Math.min(FIRST_INVOICE, 999_999 - expectedInvoices * 11 / 10));
        this.adjustmentGroups = rows == 0 ? 0 : 1 + rows / ADJUSTMENT_EVERY;
    }

    void run() throws IOException {
        while (written < rows) {
            double progressShare = (double) written / rows;
            int minute = calendar.minuteAt(progressShare);
            if (adjustmentsDone < adjustmentGroups
                    && written >= rows * (adjustmentsDone + 0.6) / adjustmentGroups) {
                adjustments(minute);
                adjustmentsDone++;
                continue;
            }
            double kind = random.nextDouble();
            if (kind < STOCK_NOTE) {
                stockNote(minute);
            } else if (kind < STOCK_NOTE + CANCELLATION && recent.size() > 0) {
                cancellation(minute);
            } else {
                sale(minute);
            }
        }
        if (progress != null && written % RetailDataGenerator.PROGRESS_EVERY != 0) {
            progress.accept(written); // the final count
        }
    }

    // ---- sales ---------------------------------------------------------------------------------

    private void sale(int minute) throws IOException {
        boolean anonymous = random.nextDouble() < ANONYMOUS;
        int country = anonymous
                ? countries.sampleForAnonymousInvoice(random)
                : countries.sampleForCustomerInvoice(random);
        int customer = anonymous ? -1 : customers.pick(country, oneOffUsed, random);
        CustomerBase.Persona persona = anonymous ? CustomerBase.Persona.REGULAR : customers.persona(customer);
        int number = invoiceNumber++;
        invoice.clear();

        int lines = lineCount(persona.linesFactor);
        for (int i = 0; i < lines; i++) {
            int product = distinctProduct(number);
            addProductLine(product, quantity(persona.bulkProbability));
            int partner = catalog.partner(product);
            if (partner >= 0 && lastInvoiceOf[partner] != number
                    && random.nextDouble() < Catalog.PARTNER_PROBABILITY) {
                lastInvoiceOf[partner] = number;
                addProductLine(partner, quantity(persona.bulkProbability));
            }
        }
        if (!anonymous && country != Countries.UNITED_KINGDOM && random.nextDouble() < POSTAGE_ABROAD) {
            // Postage per parcel: the same price for a country, 1-3 parcels.
            invoice.add(-1, "POST", "POSTAGE", 1 + random.nextInt(3),
                    Formats.price(country % 3 == 0 ? 4000 : country % 3 == 1 ? 1800 : 1500));
        }
        if (anonymous && random.nextDouble() < DOTCOM_POSTAGE) {
            invoice.add(-1, "DOT", "DOTCOM POSTAGE", 1, Formats.price(500 + random.nextInt(150_000)));
        }
        if (random.nextDouble() < MANUAL) {
            invoice.add(-1, "M", "Manual", 1, Formats.price(5 + random.nextInt(40_000)));
        }
        invoice.planDuplicates(random, DUPLICATE, ADJACENT_DUPLICATE);
        int split = invoice.size() >= 10 && random.nextDouble() < SECOND_MINUTE
                ? 1 + random.nextInt(invoice.size() - 1)
                : Integer.MAX_VALUE;

        String invoiceText = Integer.toString(number);
        String customerText = anonymous ? "" : Formats.customerId(customers.id(customer));
        String time = calendar.text(minute);
        String nextMinute = split == Integer.MAX_VALUE ? time : calendar.text(minute + 1);
        row[0] = invoiceText;
        row[6] = customerText;
        row[7] = Countries.NAMES[country];
        for (int k = 0; k < invoice.orderSize(); k++) {
            int line = invoice.order(k);
            row[1] = invoice.stockCode[line];
            row[2] = invoice.description[line];
            row[3] = Formats.quantity(invoice.quantity[line]);
            row[4] = line >= split ? nextMinute : time;
            row[5] = invoice.price[line];
            if (!emit()) {
                return;
            }
        }
        recent.remember(invoice, customer, country, customerText);
    }

    private int lineCount(double factor) {
        double mu = Math.log(MEAN_LINES * factor) - LINES_SIGMA * LINES_SIGMA / 2;
        double lines = Math.exp(mu + LINES_SIGMA * Catalog.gaussian(random));
        return (int) Math.min(MAX_LINES, Math.max(1, Math.round(lines)));
    }

    /** A product not yet in the invoice (three tries; a repeat with its own quantity is allowed). */
    private int distinctProduct(int number) {
        int product = catalog.sample(random);
        for (int attempt = 0; attempt < 3 && lastInvoiceOf[product] == number; attempt++) {
            product = catalog.sample(random);
        }
        lastInvoiceOf[product] = number;
        return product;
    }

    private void addProductLine(int product, int quantity) {
        Catalog.Product p = catalog.product(product);
        String description = p.variant() != null && random.nextDouble() < VARIANT_DESCRIPTION
                ? p.variant()
                : p.description();
        String price = random.nextDouble() < ZERO_PRICE ? "0.0" : catalog.priceText(product, quantity);
        invoice.add(product, p.stockCode(), description, quantity, price);
    }

    private int quantity(double bulkProbability) {
        if (random.nextDouble() >= bulkProbability) {
            return SMALL_QUANTITIES[Countries.search(SMALL_CUMULATIVE, random.nextDouble())];
        }
        // Pareto from 12: P(q > x) = (12 / x)^alpha, mostly rounded to whole dozens like real orders.
        double q = 12 / Math.pow(1.0 - random.nextDouble(), 1 / PARETO_ALPHA);
        int quantity = (int) Math.min(MAX_QUANTITY, q);
        if (quantity >= 24 && random.nextDouble() < 0.7) {
            quantity -= quantity % 12;
        }
        return quantity;
    }

    // ---- other kinds of invoice ----------------------------------------------------------------

    /** A cancellation of some lines of a recent invoice of the same customer. */
    private void cancellation(int minute) throws IOException {
        int entry = recent.pick(random);
        if (recent.customer(entry) < 0 && random.nextDouble() < 0.85) {
            entry = recent.pick(random); // cancellations are mostly by known customers
        }
        int available = recent.lines(entry);
        int lines = random.nextDouble() < 0.55 ? 1 : 2 + (int) (-Math.log(1.0 - random.nextDouble()) * 2.0);
        lines = Math.min(lines, available);
        int start = random.nextInt(available);
        row[0] = "C" + invoiceNumber++;
        row[4] = calendar.text(minute);
        row[6] = recent.customerText(entry);
        row[7] = Countries.NAMES[recent.country(entry)];
        for (int i = 0; i < lines; i++) {
            int line = (start + i) % available;
            int bought = recent.quantity(entry, line);
            int returned = random.nextDouble() < 0.8 ? bought : 1 + random.nextInt(Math.max(1, bought));
            row[1] = recent.stockCode(entry, line);
            row[2] = recent.description(entry, line);
            row[3] = Formats.quantity(-returned);
            row[5] = recent.price(entry, line);
            if (!emit()) {
                return;
            }
        }
    }

    /** A one-line anonymous invoice noting damaged or missing stock: zero price, negative quantity. */
    private void stockNote(int minute) throws IOException {
        int product = catalog.sample(random);
        row[0] = Integer.toString(invoiceNumber++);
        row[1] = catalog.product(product).stockCode();
        row[2] = NOTES[random.nextInt(NOTES.length)];
        row[3] = Formats.quantity(-quantity(0.2));
        row[4] = calendar.text(minute);
        row[5] = "0.0";
        row[6] = "";
        row[7] = Countries.NAMES[Countries.UNITED_KINGDOM];
        emit();
    }

    /** Three bad-debt adjustments: one positive, two negative, as in the real data. */
    private void adjustments(int minute) throws IOException {
        long amount = 10_000 + random.nextInt(1_500_000);
        long[] prices = {amount, -amount, -(10_000 + random.nextInt(1_500_000))};
        for (long price : prices) {
            row[0] = "A" + invoiceNumber++;
            row[1] = "B";
            row[2] = "Adjust bad debt";
            row[3] = "1";
            row[4] = calendar.text(minute);
            row[5] = Formats.price(price);
            row[6] = "";
            row[7] = Countries.NAMES[Countries.UNITED_KINGDOM];
            if (!emit()) {
                return;
            }
        }
    }

    /** Writes {@link #row}; false once the wanted number of rows is reached. */
    private boolean emit() throws IOException {
        if (written >= rows) {
            return false;
        }
        csv.writeRecord(row);
        written++;
        if (progress != null && written % RetailDataGenerator.PROGRESS_EVERY == 0) {
            progress.accept(written);
        }
        return written < rows;
    }

    private static double[] cumulative(double... weights) {
        double sum = 0;
        for (double w : weights) {
            sum += w;
        }
        double[] result = new double[weights.length];
        double running = 0;
        for (int i = 0; i < weights.length; i++) {
            running += weights[i];
            result[i] = running / sum;
        }
        result[weights.length - 1] = 1.0;
        return result;
    }
}
