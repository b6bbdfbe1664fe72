package org.ecom.ingest;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Where each of the eight Online Retail columns sits in a file, from its header. Both the Online
 * Retail II names ({@code Invoice, Price, Customer ID}) and the older UCI Online Retail names
 * ({@code InvoiceNo, UnitPrice, CustomerID}) are accepted, in any order.
 */
public record ColumnLayout(int invoice, int stockCode, int description, int quantity, int invoiceDate,
                           int price, int customerId, int country, int width) {

    static final String EXPECTED_HEADER = "Invoice,StockCode,Description,Quantity,InvoiceDate,Price,Customer ID,Country";

    public static ColumnLayout of(String fileName, List<String> header) {
        List<String> names = header.stream().map(ColumnLayout::normalise).toList();
        List<String> missing = new ArrayList<>();
        int[] at = {
            find(names, missing, "Invoice", "invoice", "invoiceno"),
            find(names, missing, "StockCode", "stockcode"),
            find(names, missing, "Description", "description"),
            find(names, missing, "Quantity", "quantity"),
            find(names, missing, "InvoiceDate", "invoicedate"),
            find(names, missing, "Price", "price", "unitprice"),
            find(names, missing, "Customer ID", "customerid"),
            find(names, missing, "Country", "country")};
        if (!missing.isEmpty()) {
            String found = String.join(",", header);
            throw new InputFormatException(fileName + ": line 1: not Online Retail data: missing column(s) "
                    + String.join(", ", missing) + "; expected a header like " + EXPECTED_HEADER + " but found '"
                    + (found.length() > 120 ? found.substring(0, 120) + "..." : found) + "'");
        }
        return new ColumnLayout(at[0], at[1], at[2], at[3], at[4], at[5], at[6], at[7], header.size());
    }

    /** Lower case without spaces, underscores or a BOM, so "Customer ID" matches "customerid". */
    private static String normalise(String name) {
        return name.replace("\uFEFF", "").replace(" ", "").replace("_", "").toLowerCase(Locale.ROOT);
    }

    private static int find(List<String> names, List<String> missing, String display, String... accepted) {
        for (String candidate : accepted) {
            int index = names.indexOf(candidate);
            if (index >= 0) {
                return index;
            }
        }
        missing.add(display);
        return -1;
    }
}
