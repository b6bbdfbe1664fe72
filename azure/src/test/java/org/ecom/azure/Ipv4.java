package org.ecom.azure;

import java.util.Optional;
import java.util.regex.Pattern;

/** IPv4 addresses as numbers, to count the addresses a firewall range permits. */
final class Ipv4 {

    private static final Pattern DOTTED = Pattern.compile("(\\d{1,3})\\.(\\d{1,3})\\.(\\d{1,3})\\.(\\d{1,3})");

    private Ipv4() {
    }

    static Optional<Long> parse(Object address) {
        if (!(address instanceof String text)) {
            return Optional.empty();
        }
        var matcher = DOTTED.matcher(text);
        if (!matcher.matches()) {
            return Optional.empty();
        }
        long value = 0;
        for (int group = 1; group <= 4; group++) {
            int octet = Integer.parseInt(matcher.group(group));
            if (octet > 255) {
                return Optional.empty();
            }
            value = value * 256 + octet;
        }
        return Optional.of(value);
    }

    static String format(long address) {
        return (address >> 24 & 255) + "." + (address >> 16 & 255) + "." + (address >> 8 & 255) + "." + (address & 255);
    }
}
