package org.ecom.generate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import de.siegmar.fastcsv.reader.CsvReader;
import de.siegmar.fastcsv.reader.CsvRecord;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * Generates 200,000 rows once and checks, by an independent parse, that they have the shape of the
 * real Online Retail II data and carry the planted structure.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class GeneratedShapeTest {
    private static final int ROWS = 200_000;

    private RetailDataGenerator generator;
    private List<String> header;
    private final List<String[]> rows = new ArrayList<>();

    @BeforeAll
    void generateAndRead(@TempDir Path dir) throws IOException {
        generator = new RetailDataGenerator(new GeneratorSettings(ROWS, 42));
        Path file = dir.resolve("retail.csv");
        generator.write(file);
        try (CsvReader<CsvRecord> reader = CsvReader.builder().ofCsvRecord(file)) {
            Iterator<CsvRecord> records = reader.iterator();
            header = records.next().getFields();
            records.forEachRemaining(r -> rows.add(r.getFields().toArray(new String[0])));
        }
        assertTrue(Files.size(file) > 0);
    }

    private double share(java.util.function.Predicate<String[]> test) {
        return rows.stream().filter(test).count() / (double) rows.size();
    }

    @Test
    void headerAndRowCount() {
        assertEquals(List.of("Invoice", "StockCode", "Description", "Quantity", "InvoiceDate", "Price",
                "Customer ID", "Country"), header);
        assertEquals(ROWS, rows.size());
    }

    @Test
    void fieldsAreWellFormed() {
        for (String[] r : rows) {
            assertTrue(r[0].matches("[CA]?\\d{6}"), r[0]);
            assertTrue(r[4].matches("20(09|10|11)-\\d\\d-\\d\\d \\d\\d:\\d\\d:00"), r[4]);
            assertTrue(r[4].compareTo("2009-12-01") >= 0 && r[4].compareTo("2011-12-10") < 0, r[4]);
            assertTrue(r[6].isEmpty() || r[6].matches("\\d{5,6}\\.0"), r[6]);
            Integer.parseInt(r[3]);
            Double.parseDouble(r[5]);
        }
    }

    @Test
    void aboutAQuarterOfRowsHaveNoCustomer() {
        double anonymous = share(r -> r[6].isEmpty());
        assertTrue(anonymous >= 0.20 && anonymous <= 0.26, "no customer: " + anonymous);
    }

    @Test
    void aboutThreePercentExactDuplicates() {
        Set<String> seen = new HashSet<>();
        long duplicates = rows.stream().filter(r -> !seen.add(String.join("\u0001", r))).count();
        double share = duplicates / (double) ROWS;
        assertTrue(share >= 0.02 && share <= 0.04, "duplicates: " + share);
    }

    @Test
    void cancellationsAreNegativeAndReferToEarlierPurchasesOfTheCustomer() {
        double cancelled = share(r -> r[0].startsWith("C"));
        assertTrue(cancelled >= 0.01 && cancelled <= 0.03, "cancellations: " + cancelled);
        Map<String, Set<String>> bought = new HashMap<>();
        long withCustomer = 0;
        long total = 0;
        for (String[] r : rows) {
            if (Character.isDigit(r[0].charAt(0)) && !r[6].isEmpty()) {
                bought.computeIfAbsent(r[6], c -> new HashSet<>()).add(r[1]);
            }
            if (r[0].startsWith("C")) {
                total++;
                assertTrue(Integer.parseInt(r[3]) < 0, "negative quantity");
                if (!r[6].isEmpty()) {
                    withCustomer++;
                    assertTrue(bought.getOrDefault(r[6], Set.of()).contains(r[1]),
                            "customer " + r[6] + " bought " + r[1] + " before cancelling it");
                }
            }
        }
        assertTrue(withCustomer > 0.8 * total, "cancellations mostly with customer");
    }

    @Test
    void adjustmentsAreBadDebtWithoutCustomer() {
        List<String[]> adjustments = rows.stream().filter(r -> r[0].startsWith("A")).toList();
        assertTrue(adjustments.size() >= 1);
        for (String[] r : adjustments) {
            assertEquals("B", r[1]);
            assertEquals("Adjust bad debt", r[2]);
            assertEquals("", r[6]);
        }
        assertTrue(adjustments.stream().anyMatch(r -> r[5].startsWith("-")));
        assertTrue(adjustments.stream().anyMatch(r -> !r[5].startsWith("-")));
    }

    @Test
    void someZeroPrices() {
        double zero = share(r -> Double.parseDouble(r[5]) == 0);
        assertTrue(zero > 0.001 && zero < 0.006, "zero prices: " + zero);
    }

    @Test
    void fortyCountriesMostlyTheUnitedKingdomAndOneCountryPerCustomer() {
        Map<String, Long> perCountry = new HashMap<>();
        Map<String, String> countryOf = new HashMap<>();
        for (String[] r : rows) {
            perCountry.merge(r[7], 1L, Long::sum);
            if (!r[6].isEmpty()) {
                String before = countryOf.putIfAbsent(r[6], r[7]);
                assertTrue(before == null || before.equals(r[7]), "customer " + r[6] + " in one country");
            }
        }
        assertTrue(perCountry.size() >= 40, "countries: " + perCountry.size());
        assertTrue(perCountry.get("United Kingdom") > 0.8 * ROWS);
        assertTrue(perCountry.containsKey("EIRE") && perCountry.containsKey("Unspecified"));
    }

    @Test
    void thousandsOfProducts() {
        Set<String> codes = new HashSet<>();
        rows.forEach(r -> codes.add(r[1]));
        assertTrue(codes.size() >= 2000, "stock codes: " + codes.size());
        assertTrue(codes.stream().anyMatch(c -> c.matches("\\d{5}[A-Z]")));
        assertTrue(codes.contains("POST"));
    }

    @Test
    void autumnIsBusierThanSpring() {
        long[] months = new long[13];
        rows.forEach(r -> months[Integer.parseInt(r[4].substring(5, 7))]++);
        long autumn = months[9] + months[10] + months[11];
        long spring = months[2] + months[3] + months[4];
        assertTrue(autumn > 1.3 * spring, Arrays.toString(months));
        rows.forEach(r -> {
            int hour = Integer.parseInt(r[4].substring(11, 13));
            assertTrue(hour >= 7 && hour <= 20, r[4]);
        });
    }

    @Test
    void quantitiesAreHeavyTailed() {
        int[] quantities = rows.stream().filter(r -> !r[0].startsWith("C"))
                .mapToInt(r -> Integer.parseInt(r[3])).sorted().toArray();
        int median = quantities[quantities.length / 2];
        assertTrue(median <= 12, "median " + median);
        assertTrue(quantities[quantities.length - 1] > 500, "max " + quantities[quantities.length - 1]);
    }

    @Test
    void invoicesGroupAboutTwentyLinesWithOneCustomerAndTimestamp() {
        Map<String, Integer> lines = new HashMap<>();
        Map<String, Set<String>> times = new HashMap<>();
        Map<String, String> customer = new HashMap<>();
        for (String[] r : rows) {
            lines.merge(r[0], 1, Integer::sum);
            times.computeIfAbsent(r[0], i -> new HashSet<>()).add(r[4]);
            String before = customer.putIfAbsent(r[0], r[6]);
            assertTrue(before == null || before.equals(r[6]), "one customer per invoice " + r[0]);
        }
        double mean = lines.entrySet().stream().filter(e -> Character.isDigit(e.getKey().charAt(0)))
                .mapToInt(Map.Entry::getValue).average().orElseThrow();
        assertTrue(mean > 15 && mean < 26, "mean lines " + mean);
        long twoTimes = times.values().stream().filter(t -> t.size() > 1).count();
        assertTrue(twoTimes > 0 && twoTimes < 0.05 * lines.size(), "invoices with two timestamps " + twoTimes);
        assertTrue(times.values().stream().allMatch(t -> t.size() <= 2));
    }

    @Test
    void customersRepeatWithHeavyTailAndPlantedPersonas() {
        Map<String, Set<String>> invoices = new HashMap<>();
        for (String[] r : rows) {
            if (!r[6].isEmpty() && Character.isDigit(r[0].charAt(0))) {
                invoices.computeIfAbsent(r[6], c -> new HashSet<>()).add(r[0]);
            }
        }
        long oneOff = invoices.values().stream().filter(s -> s.size() == 1).count();
        long regular = invoices.values().stream().filter(s -> s.size() >= 10).count();
        assertTrue(oneOff > 0.2 * invoices.size(), "one-off buyers " + oneOff);
        assertTrue(regular > 0.05 * invoices.size(), "regulars " + regular);

        CustomerBase base = generator.customers();
        double[] invoicesByPersona = new double[CustomerBase.Persona.values().length];
        int[] customersByPersona = new int[invoicesByPersona.length];
        for (Map.Entry<String, Set<String>> e : invoices.entrySet()) {
            CustomerBase.Persona persona = base.personaOf((long) Double.parseDouble(e.getKey()));
            invoicesByPersona[persona.ordinal()] += e.getValue().size();
            customersByPersona[persona.ordinal()]++;
            if (persona == CustomerBase.Persona.ONE_OFF) {
                assertEquals(1, e.getValue().size(), "one-off customer " + e.getKey());
            }
        }
        double frequent = invoicesByPersona[0] / customersByPersona[0];
        double occasional = invoicesByPersona[2] / customersByPersona[2];
        assertTrue(frequent > 5 * occasional, "frequent " + frequent + " vs occasional " + occasional);
    }

    @Test
    void plantedPairsAreBoughtTogether() {
        Map<String, Set<String>> codesByInvoice = new HashMap<>();
        for (String[] r : rows) {
            if (Character.isDigit(r[0].charAt(0))) {
                codesByInvoice.computeIfAbsent(r[0], i -> new HashSet<>()).add(r[1]);
            }
        }
        List<Catalog.ProductPair> pairs = generator.catalog().coPurchasedPairs();
        assertEquals(Catalog.PAIRS, pairs.size());
        long withFirst = 0;
        long withBoth = 0;
        long withSecond = 0;
        for (Set<String> codes : codesByInvoice.values()) {
            for (Catalog.ProductPair pair : pairs) {
                if (codes.contains(pair.first())) {
                    withFirst++;
                    if (codes.contains(pair.second())) {
                        withBoth++;
                    }
                }
                if (codes.contains(pair.second())) {
                    withSecond++;
                }
            }
        }
        double confidence = withBoth / (double) withFirst;
        double baseline = withSecond / (double) (codesByInvoice.size() * pairs.size());
        assertTrue(confidence > 0.5, "P(second | first) " + confidence);
        assertTrue(confidence > 5 * baseline, "lift over " + baseline);
    }
}
