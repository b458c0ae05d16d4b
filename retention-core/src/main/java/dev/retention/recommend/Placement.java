package dev.retention.recommend;

import java.util.Locale;

/** Where the shop shows recommendations; each placement mixes the signals differently. */
public enum Placement {

    /** A product page: customers who bought this also bought, then frequently bought together. */
    PRODUCT,
    /** The cart: frequently bought together with the cart's products, then similar items. */
    CART,
    /** The home page: recommended for you when signed in, popular otherwise. */
    HOME,
    /** The account page: recommended for you from the customer's own history. */
    ACCOUNT;

    /** Parses {@code product|cart|home|account}, case-insensitive. */
    public static Placement parse(String value) {
        return valueOf(value.trim().toUpperCase(Locale.ROOT));
    }
}
