package org.ecom.generate;

import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * The lines of the invoice being built (reused from one invoice to the next), and the order they are
 * written in: each line once, plus the planted exact duplicates.
 */
final class Invoice {
    int[] product = new int[64];
    String[] stockCode = new String[64];
    String[] description = new String[64];
    int[] quantity = new int[64];
    String[] price = new String[64];
    private int size;
    /** Line indexes in writing order; duplicates appear twice. */
    private int[] order = new int[128];
    private int orderSize;

    void clear() {
        size = 0;
        orderSize = 0;
    }

    int size() {
        return size;
    }

    void add(int productIndex, String code, String text, int qty, String unitPrice) {
        if (size == product.length) {
            int capacity = size * 2;
            product = Arrays.copyOf(product, capacity);
            stockCode = Arrays.copyOf(stockCode, capacity);
            description = Arrays.copyOf(description, capacity);
            quantity = Arrays.copyOf(quantity, capacity);
            price = Arrays.copyOf(price, capacity);
        }
        product[size] = productIndex;
        stockCode[size] = code;
        description[size] = text;
        quantity[size] = qty;
        price[size] = unitPrice;
        size++;
    }

    /**
     * Sets the writing order: every line in turn, and a line picked for duplication written a second
     * time, right after itself or at a random later place in the invoice.
     */
    void planDuplicates(SplittableRandom random, double duplicate, double adjacent) {
        if (order.length < 2 * size) {
            order = new int[2 * size];
        }
        orderSize = 0;
        for (int line = 0; line < size; line++) {
            order[orderSize++] = line;
        }
        for (int line = 0; line < size; line++) {
            if (random.nextDouble() >= duplicate) {
                continue;
            }
            int at = indexOf(line) + 1;
            if (random.nextDouble() >= adjacent) {
                at += random.nextInt(orderSize - at + 1);
            }
            System.arraycopy(order, at, order, at + 1, orderSize - at);
            order[at] = line;
            orderSize++;
        }
    }

    private int indexOf(int line) {
        for (int k = 0; k < orderSize; k++) {
            if (order[k] == line) {
                return k;
            }
        }
        throw new IllegalStateException("line " + line + " not planned");
    }

    int orderSize() {
        return orderSize;
    }

    int order(int k) {
        return order[k];
    }
}
