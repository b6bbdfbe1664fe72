package org.ecom.generate;

import java.util.SplittableRandom;

/**
 * The customers: about one per 180 rows (the real data has 5,942 for 1.07 million rows), ids from
 * 12346 upwards in shuffled order, each bound to one country, each with a persona that sets how
 * often and how much they buy.
 *
 * <p>Customers of a country sit in one block of indexes: 5% frequent high spenders, 25% regulars,
 * 35% occasional buyers, 35% one-off buyers. A customer invoice first picks the country, then the
 * persona by its share of invoices ({@link Persona#invoiceShare}), then a customer of that persona
 * uniformly, except one-off buyers, who are taken in turn so that each buys exactly once (when a
 * country runs out of them, an occasional buyer takes the invoice).
 */
public final class CustomerBase {
    static final long FIRST_ID = 12346;
    static final int ROWS_PER_CUSTOMER = 180;

    /**
     * Planted customer behaviour, for tests of segmentation and spend models. The invoice counts are
     * those measured at one million rows; they hardly change with size, as customers scale with rows.
     */
    public enum Persona {
        /** ~34 invoices each, 1.6 times the lines, bulk quantities six times as often: ~9x a regular's spend. */
        FREQUENT_HIGH_SPENDER(0.05, 0.30, 1.6, 0.30),
        /** ~12 invoices each, ordinary baskets. */
        REGULAR(0.25, 0.50, 1.0, 0.05),
        /** ~3 invoices each (some none), ordinary baskets. */
        OCCASIONAL(0.35, 0.15, 1.0, 0.05),
        /** Exactly one invoice, smaller baskets. */
        ONE_OFF(0.35, 0.05, 0.6, 0.05);

        final double customerShare;
        final double invoiceShare;
        final double linesFactor;
        /** Probability that a line takes a quantity from the heavy tail (12 and up). */
        final double bulkProbability;

        Persona(double customerShare, double invoiceShare, double linesFactor, double bulkProbability) {
            this.customerShare = customerShare;
            this.invoiceShare = invoiceShare;
            this.linesFactor = linesFactor;
            this.bulkProbability = bulkProbability;
        }
    }

    private static final Persona[] PERSONAS = Persona.values();

    private final int size;
    /** Per country: first customer index and, per persona, the start of its range (5 bounds). */
    private final int[][] bounds;
    /** Per customer index: the id offset from {@link #FIRST_ID}. */
    private final int[] idOffset;
    /** Per id offset: the persona ordinal and the country. */
    private final byte[] personaByOffset;
    private final byte[] countryByOffset;

    CustomerBase(long rows, Countries countries, SplittableRandom random) {
        int wanted = (int) Math.min(5_000_000, Math.max(200, rows / ROWS_PER_CUSTOMER));
        bounds = new int[countries.count()][];
        int next = 0;
        for (int c = 0; c < countries.count(); c++) {
            // At least one customer of each persona in every country.
            int block = Math.max(PERSONAS.length, (int) Math.round(wanted * countries.customerWeight(c)));
            int[] b = new int[PERSONAS.length + 1];
            b[0] = next;
            for (int p = 0; p < PERSONAS.length - 1; p++) {
                b[p + 1] = b[p] + Math.max(1, (int) Math.round(block * PERSONAS[p].customerShare));
            }
            b[PERSONAS.length] = Math.max(b[PERSONAS.length - 1] + 1, next + block);
            next = b[PERSONAS.length];
            bounds[c] = b;
        }
        size = next;
        // Shuffle the ids so that neither country nor persona can be read off the id.
        idOffset = new int[size];
        for (int i = 0; i < size; i++) {
            idOffset[i] = i;
        }
        for (int i = size - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            int t = idOffset[i];
            idOffset[i] = idOffset[j];
            idOffset[j] = t;
        }
        personaByOffset = new byte[size];
        countryByOffset = new byte[size];
        for (int c = 0; c < bounds.length; c++) {
            for (int p = 0; p < PERSONAS.length; p++) {
                for (int i = bounds[c][p]; i < bounds[c][p + 1]; i++) {
                    personaByOffset[idOffset[i]] = (byte) p;
                    countryByOffset[idOffset[i]] = (byte) c;
                }
            }
        }
    }

    /** The number of customers (not all of them necessarily buy). */
    public int size() {
        return size;
    }

    /** The persona of a customer id, or null if there is no such customer. */
    public Persona personaOf(long customerId) {
        long offset = customerId - FIRST_ID;
        return offset >= 0 && offset < size ? PERSONAS[personaByOffset[(int) offset]] : null;
    }

    /** The country name of a customer id, or null if there is no such customer. */
    public String countryOf(long customerId) {
        long offset = customerId - FIRST_ID;
        return offset >= 0 && offset < size ? Countries.NAMES[countryByOffset[(int) offset]] : null;
    }

    long id(int customer) {
        return FIRST_ID + idOffset[customer];
    }

    Persona persona(int customer) {
        return PERSONAS[personaByOffset[idOffset[customer]]];
    }

    /**
     * A customer index of the country for a new invoice. {@code oneOffUsed} counts, per country, the
     * one-off buyers taken so far; it belongs to one run, so a second run starts afresh.
     */
    int pick(int country, int[] oneOffUsed, SplittableRandom random) {
        int[] b = bounds[country];
        double u = random.nextDouble();
        int persona = 0;
        double running = PERSONAS[0].invoiceShare;
        while (u >= running && persona < PERSONAS.length - 1) {
            persona++;
            running += PERSONAS[persona].invoiceShare;
        }
        if (PERSONAS[persona] == Persona.ONE_OFF) {
            int oneOffStart = b[Persona.ONE_OFF.ordinal()];
            if (oneOffStart + oneOffUsed[country] < b[PERSONAS.length]) {
                return oneOffStart + oneOffUsed[country]++;
            }
            persona = Persona.OCCASIONAL.ordinal();
        }
        return b[persona] + random.nextInt(b[persona + 1] - b[persona]);
    }
}
