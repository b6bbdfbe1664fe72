package org.ecom.generate;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;

/**
 * The products: gift-shop stock codes ({@code 22423}, or a family of colour variants {@code 85123A},
 * {@code 85123B}), upper-case descriptions built from word lists (a few with a comma, an apostrophe
 * or a trailing space, about 3% with a second description variant used on a quarter of their
 * lines), prices in pence, lognormal around 2 GBP with a long tail, and a popularity that falls off
 * as 1/(rank + 50), so best sellers are common but the thousands of others all sell now and then.
 *
 * <p>Planted structure: {@link #coPurchasedPairs()} lists product pairs that are bought together:
 * when an invoice holds one of a pair, the generator adds the other with probability
 * {@value #PARTNER_PROBABILITY} (without the pairing such a product is in about 3% of invoices).
 */
public final class Catalog {
    /** Distinct products; the real data has about 4,600 stock codes. */
    static final int SIZE = 4800;
    static final int PAIRS = 40;
    static final double PARTNER_PROBABILITY = 0.6;
    /** Lines of at least these quantities are sold at 90% and 80% of the list price. */
    static final int BULK = 24;
    static final int WHOLESALE = 100;

    /** One product; {@code variant} is a second description or null. */
    public record Product(String stockCode, String description, String variant, int pence) {
    }

    /** Two stock codes often bought in the same invoice. */
    public record ProductPair(String first, String second) {
    }

    private static final String[] COLOURS = {
        "RED", "PINK", "BLUE", "GREEN", "WHITE", "IVORY", "CREAM", "BLACK", "SILVER", "GOLD",
        "PURPLE", "ORANGE", "YELLOW", "LILAC", "TURQUOISE", "CHOCOLATE", "SKY BLUE", "ANTIQUE SILVER",
        "ROSE", "NATURAL",
    };
    private static final String[] THEMES = {
        "HANGING HEART", "RETROSPOT", "REGENCY", "VINTAGE", "SPACEBOY", "DOLLY GIRL", "PAISLEY PARK",
        "JAM MAKING", "WOODLAND", "CHRISTMAS", "SKULLS", "BIRD", "FLORAL", "GINGHAM", "POLKADOT",
        "ENGLISH ROSE", "PARISIENNE", "STRAWBERRY", "LOVE BIRD", "SWALLOWS", "CIRCUS PARADE", "RABBIT",
        "OWL", "BAROQUE", "MOROCCAN", "SCANDINAVIAN", "GARDEN", "HEN HOUSE", "TEA TIME", "PANTRY",
        "LONDON", "UNION JACK", "FAIRY CAKE", "ALPHABET", "DOILY", "LACE", "FLOCK", "GLASS", "ENAMEL",
        "ZINC", "WOODEN", "50'S CHRISTMAS", "FELTCRAFT", "EDWARDIAN",
    };
    private static final String[] OBJECTS = {
        "T-LIGHT HOLDER", "LUNCH BAG", "JUMBO BAG", "CAKE STAND", "MUG", "TEA TOWEL",
        "CHILDRENS APRON", "NAPKINS", "PAPER CHAIN KIT", "PHOTO FRAME", "LANTERN", "CUSHION COVER",
        "WATER BOTTLE", "DOORSTOP", "CAKE CASES", "BAKING SET", "PICNIC BASKET", "SHOPPING BAG",
        "PURSE", "NOTEBOOK", "WALL CLOCK", "ALARM CLOCK", "CANDLE", "BUNTING", "DOORMAT", "PLATE",
        "BOWL", "TEACUP AND SAUCER", "SPOON", "STORAGE TIN", "TRINKET BOX", "JEWELLERY BOX",
        "COAT HANGER", "KEY RING", "HOT WATER BOTTLE", "HAND WARMER", "GIFT WRAP", "GIFT TAG",
        "WRAPPING PAPER", "STICKER SHEET", "PENCIL CASE", "PEN", "RIBBON REEL", "HAIR CLIP",
        "BRACELET", "NECKLACE", "EARRINGS", "VASE", "PLANT POT", "BIRD FEEDER", "WATERING CAN",
        "DRAWER KNOB", "LIGHT GARLAND", "TISSUES", "MAGNET", "METAL SIGN", "BOTTLE STOPPER",
        "TABLE RUNNER", "SPONGE", "PIN CUSHION", "CAKE TINS", "SNACK BOXES", "MEMO BOARD",
    };
    private static final String[] PREFIXES = {
        "SET OF 3", "SET OF 4", "SET OF 6", "SET/6", "SET 12", "PACK OF 12", "PACK OF 72", "JUMBO",
        "SMALL", "LARGE", "MINI",
    };

    private final Product[] products = new Product[SIZE];
    /** Per product: its list, bulk and wholesale price texts. */
    private final String[][] priceTexts = new String[SIZE][];
    private final double[] popularityCumulative = new double[SIZE];
    /** Per product: the index of its pair partner, or -1. */
    private final int[] partners = new int[SIZE];
    private final List<ProductPair> pairs = new ArrayList<>();

    Catalog(SplittableRandom random) {
        Set<Integer> usedBases = new HashSet<>();
        Set<String> usedDescriptions = new HashSet<>();
        int made = 0;
        while (made < SIZE) {
            int base = newBase(random, usedBases);
            // About one code in five is a family of colour variants: 85123A, 85123B, ...
            int family = random.nextDouble() < 0.2 ? 2 + random.nextInt(3) : 1;
            family = Math.min(family, SIZE - made);
            int pence = listPrice(random);
            // A family shares theme, object and price and differs in colour.
            int firstColour = random.nextInt(COLOURS.length);
            boolean coloured = family > 1 || random.nextDouble() < 0.4;
            String description = null;
            for (int attempt = 0; description == null; attempt++) {
                String prefix = random.nextDouble() < 0.25 ? pick(random, PREFIXES) + " " : "";
                String theme = pick(random, THEMES);
                String object = pick(random, OBJECTS);
                boolean comma = random.nextDouble() < 0.015;
                String first = describe(prefix, coloured ? COLOURS[firstColour] + " " : "", theme, object, comma);
                if (usedDescriptions.contains(first) && attempt < 50) {
                    continue;
                }
                for (int v = 0; v < family; v++) {
                    String colour = coloured ? COLOURS[(firstColour + v) % COLOURS.length] + " " : "";
                    String text = describe(prefix, colour, theme, object, comma);
                    // Trailing spaces, as in the real data.
                    text = random.nextDouble() < 0.04 ? text + " " : text;
                    usedDescriptions.add(text);
                    String code = family == 1 ? Integer.toString(base) : base + String.valueOf((char) ('A' + v));
                    String variant = random.nextDouble() < 0.03 ? variantOf(random, text) : null;
                    products[made++] = new Product(code, text, variant, pence);
                }
                description = first;
            }
        }
        for (int p = 0; p < SIZE; p++) {
            int pence = products[p].pence();
            priceTexts[p] = new String[] {
                Formats.price(pence), Formats.price(round(pence * 0.9)), Formats.price(round(pence * 0.8)),
            };
        }
        // Popularity: a random order of products, weight 1/(rank + 50).
        List<Integer> order = new ArrayList<>();
        for (int p = 0; p < SIZE; p++) {
            order.add(p);
        }
        Collections.shuffle(order, new java.util.Random(random.nextLong()));
        double[] weights = new double[SIZE];
        for (int rank = 0; rank < SIZE; rank++) {
            weights[order.get(rank)] = 1.0 / (rank + 50);
        }
        double running = 0;
        for (int p = 0; p < SIZE; p++) {
            running += weights[p];
            popularityCumulative[p] = running;
        }
        for (int p = 0; p < SIZE; p++) {
            popularityCumulative[p] /= running;
        }
        popularityCumulative[SIZE - 1] = 1.0;
        // Pairs among mid-ranked products (ranks 100 to 179): frequent enough to be seen, rare enough
        // that the pairing stands out.
        java.util.Arrays.fill(partners, -1);
        for (int i = 0; i < PAIRS; i++) {
            int a = order.get(100 + 2 * i);
            int b = order.get(101 + 2 * i);
            partners[a] = b;
            partners[b] = a;
            pairs.add(new ProductPair(products[a].stockCode(), products[b].stockCode()));
        }
    }

    private static int newBase(SplittableRandom random, Set<Integer> used) {
        while (true) {
            // Most real codes are 20xxx-23xxx, the rest spread from 10002 to 90214.
            int base = random.nextDouble() < 0.75
                    ? 20600 + random.nextInt(3400)
                    : 10002 + random.nextInt(80213);
            if (used.add(base)) {
                return base;
            }
        }
    }

    private static String describe(String prefix, String colour, String theme, String object, boolean comma) {
        return comma
                ? prefix + colour + object + ", " + theme + " DESIGN" // the comma forces quoting
                : prefix + colour + theme + " " + object;
    }

    private static String variantOf(SplittableRandom random, String description) {
        for (String colour : COLOURS) {
            if (description.contains(colour + " ")) {
                String other = pick(random, COLOURS);
                if (!other.equals(colour)) {
                    return description.replace(colour + " ", other + " ");
                }
            }
        }
        return description.strip() + " ASSORTED";
    }

    /** Lognormal around 2.10 GBP; 3% of products are big items at several times that. */
    private static int listPrice(SplittableRandom random) {
        double pounds = Math.exp(Math.log(2.1) + 0.75 * gaussian(random));
        if (random.nextDouble() < 0.03) {
            pounds *= Math.exp(2.0 + 0.7 * gaussian(random));
        }
        int pence = (int) Math.round(pounds * 100);
        // Shop prices: pence below a pound, else steps of five pence (0.85, 1.25, 2.55, 12.75).
        return pence < 100 ? Math.max(pence, 1) : Math.min(5 * Math.round(pence / 5f), 2_000_000);
    }

    private static int round(double pence) {
        return (int) Math.max(1, Math.round(pence));
    }

    static double gaussian(SplittableRandom random) {
        // Box-Muller: SplittableRandom has no nextGaussian in Java 17.
        double u = 1.0 - random.nextDouble();
        return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * random.nextDouble());
    }

    private static String pick(SplittableRandom random, String[] words) {
        return words[random.nextInt(words.length)];
    }

    public int size() {
        return SIZE;
    }

    public Product product(int index) {
        return products[index];
    }

    /** The planted co-purchased pairs (see the class comment). */
    public List<ProductPair> coPurchasedPairs() {
        return List.copyOf(pairs);
    }

    /** A product index drawn by popularity. */
    int sample(SplittableRandom random) {
        return Countries.search(popularityCumulative, random.nextDouble());
    }

    int partner(int product) {
        return partners[product];
    }

    /** The unit price text for a line of this quantity (bulk lines are cheaper). */
    String priceText(int product, int quantity) {
        String[] texts = priceTexts[product];
        return quantity >= WHOLESALE ? texts[2] : quantity >= BULK ? texts[1] : texts[0];
    }
}
