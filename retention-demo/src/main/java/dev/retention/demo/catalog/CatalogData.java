package dev.retention.demo.catalog;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * The sample catalogue: 10 categories of 24 products each, generated from word lists with a fixed seed so every
 * start gives the same products, prices and images. Consumable categories carry replenishment intervals.
 */
public final class CatalogData {

    public static final int PRODUCTS_PER_CATEGORY = 24;

    private record Spec(String id, String name, String description, boolean consumable, int hue, int replenishDays,
            double minPrice, double maxPrice, String[] adjectives, String[] nouns, String[] variants) {
    }

    private static final List<Spec> SPECS = List.of(
            new Spec("coffee-tea", "Coffee & Tea", "Single-origin beans, loose-leaf teas and everything to brew them.",
                    true, 25, 30, 4.5, 24,
                    new String[] {"Ethiopian", "Colombian", "Breakfast", "Earl Grey", "Sencha", "Darjeeling", "Espresso",
                        "Decaf"},
                    new String[] {"Coffee Beans", "Ground Coffee", "Tea Leaves", "Tea Bags"},
                    new String[] {"250 g", "500 g", "1 kg"}),
            new Spec("pantry", "Pantry", "Oils, pasta, spices and snacks for the weekly shop.", true, 45, 21, 2.2, 14,
                    new String[] {"Organic", "Smoked", "Extra Virgin", "Whole Wheat", "Spicy", "Sea Salt", "Honey",
                        "Wild"},
                    new String[] {"Olive Oil", "Pasta", "Granola", "Paprika", "Crackers", "Rice", "Nut Butter",
                        "Tomato Sauce"},
                    null),
            new Spec("personal-care", "Personal Care", "Soaps, shampoos and daily care, refilled as you run out.",
                    true, 300, 45, 3.5, 28,
                    new String[] {"Lavender", "Citrus", "Unscented", "Charcoal", "Aloe", "Mint", "Oat", "Rose"},
                    new String[] {"Shampoo", "Body Wash", "Hand Soap", "Toothpaste", "Deodorant", "Face Cream"},
                    new String[] {"Travel", "Regular", "Refill"}),
            new Spec("pet-supplies", "Pet Supplies", "Food, treats and toys for cats and dogs.", true, 190, 28, 3, 55,
                    new String[] {"Grain-Free", "Salmon", "Chicken", "Puppy", "Senior", "Dental", "Catnip", "Chewy"},
                    new String[] {"Dog Food", "Cat Food", "Treats", "Litter", "Chew Toy", "Scratcher"},
                    new String[] {"2 kg", "6 kg"}),
            new Spec("kitchen", "Home & Kitchen", "Cookware, mugs and tools that last for years.", false, 10, 0, 8,
                    140,
                    new String[] {"Ceramic", "Cast Iron", "Bamboo", "Copper", "Enamel", "Glass", "Walnut", "Steel"},
                    new String[] {"Mug", "Skillet", "Cutting Board", "Pour-Over Dripper", "Teapot", "Knife", "Grinder",
                        "Storage Jar"},
                    new String[] {"Blue", "Sand", "Charcoal"}),
            new Spec("electronics", "Electronics", "Headphones, chargers and smart gadgets.", false, 215, 0, 12, 320,
                    new String[] {"Wireless", "Noise-Cancelling", "Compact", "Smart", "Portable", "USB-C", "Solar",
                        "Pro"},
                    new String[] {"Headphones", "Speaker", "Charger", "Power Bank", "Desk Lamp", "Keyboard", "Mouse",
                        "Webcam"},
                    new String[] {"Black", "White"}),
            new Spec("books", "Books", "Cookbooks, novels and guides, new and classic.", false, 340, 0, 9, 45,
                    new String[] {"The Quiet", "A Year of", "Modern", "Little", "The Complete", "Everyday", "Northern",
                        "Slow"},
                    new String[] {"Cookbook", "Garden Guide", "Novel", "Field Notes", "Travel Journal", "Atlas"},
                    null),
            new Spec("outdoor", "Outdoor & Garden", "Seeds, planters and gear for the garden and the trail.", false,
                    120, 0, 6, 180,
                    new String[] {"Terracotta", "Folding", "Waterproof", "Ultralight", "Heirloom", "Hanging", "Cedar",
                        "Trail"},
                    new String[] {"Planter", "Seed Kit", "Hammock", "Backpack", "Water Bottle", "Lantern", "Pruner"},
                    new String[] {"S", "M", "L"}),
            new Spec("toys-games", "Toys & Games", "Board games, puzzles and toys for all ages.", false, 280, 0, 7, 90,
                    new String[] {"Wooden", "Classic", "Family", "Cooperative", "Mini", "Deluxe", "Magnetic", "Retro"},
                    new String[] {"Puzzle", "Board Game", "Building Set", "Card Game", "Kite", "Train Set"},
                    null),
            new Spec("apparel", "Apparel", "Everyday clothing in organic cotton and merino.", false, 160, 0, 15, 130,
                    new String[] {"Merino", "Organic Cotton", "Linen", "Fleece", "Rain", "Knitted", "Relaxed",
                        "Classic"},
                    new String[] {"T-Shirt", "Hoodie", "Socks", "Beanie", "Jacket", "Scarf", "Shirt"},
                    new String[] {"S", "M", "L", "XL"}));

    private CatalogData() {
    }

    public static List<Category> categories() {
        List<Category> categories = new ArrayList<>();
        for (int i = 0; i < SPECS.size(); i++) {
            Spec spec = SPECS.get(i);
            categories.add(new Category(spec.id, spec.name, spec.description, spec.consumable, spec.hue, i));
        }
        return categories;
    }

    /**
     * The products, ids 1..240. {@code catalogueStart} is when the first products went on sale; one in eight was
     * published later, as a new arrival.
     */
    public static List<Product> products(Instant catalogueStart, Instant now) {
        Random random = new Random(7);
        List<Product> products = new ArrayList<>();
        long id = 1;
        long spanDays = Math.max(1, ChronoUnit.DAYS.between(catalogueStart, now) - 7);
        for (Spec spec : SPECS) {
            int made = 0;
            int nameIndex = 0;
            while (made < PRODUCTS_PER_CATEGORY) {
                String adjective = spec.adjectives[nameIndex % spec.adjectives.length];
                String noun = spec.nouns[(nameIndex / spec.adjectives.length + nameIndex) % spec.nouns.length];
                nameIndex++;
                String baseName = adjective + " " + noun;
                double base = spec.minPrice + random.nextDouble() * (spec.maxPrice - spec.minPrice);
                int variants = spec.variants != null && random.nextInt(3) == 0
                        ? Math.min(spec.variants.length, PRODUCTS_PER_CATEGORY - made) : 1;
                String group = spec.id + "-" + nameIndex;
                int shape = random.nextInt(6);
                int hue = (spec.hue + random.nextInt(50) - 25 + 360) % 360;
                Instant published = random.nextInt(8) == 0
                        ? catalogueStart.plus(30 + random.nextInt((int) Math.max(1, spanDays - 30)), ChronoUnit.DAYS)
                        : catalogueStart.minus(random.nextInt(200), ChronoUnit.DAYS);
                for (int v = 0; v < variants; v++) {
                    String label = variants > 1 ? spec.variants[v] : null;
                    double factor = variants > 1 ? 1 + 0.45 * v : 1;
                    BigDecimal price = BigDecimal.valueOf(base * factor).setScale(0, RoundingMode.HALF_UP)
                            .subtract(new BigDecimal("0.01")).max(new BigDecimal("1.99"));
                    String name = label == null ? baseName : baseName + " (" + label + ")";
                    int replenish = spec.consumable ? spec.replenishDays + random.nextInt(15) - 5 : 0;
                    String description = description(spec, baseName, label, replenish);
                    int stock = random.nextInt(12) == 0 ? 0 : 20 + random.nextInt(180);
                    products.add(new Product(id, String.format("RK-%04d", id), name, spec.id, description, price,
                            stock, group, label, spec.consumable, replenish, shape, (hue + 25 * v) % 360, 0,
                            published));
                    id++;
                    made++;
                }
            }
        }
        return products;
    }

    private static String description(Spec spec, String baseName, String label, int replenishDays) {
        String size = label == null ? "" : " This is the " + label + " option.";
        if (spec.consumable) {
            return baseName + " from our " + spec.name + " range, packed fresh and shipped within a day. Most"
                    + " customers reorder every " + replenishDays + " days or so." + size;
        }
        return baseName + " from our " + spec.name + " range: well made, tested by our team and covered by a"
                + " two-year guarantee." + size;
    }
}
