package dev.retention.demo.cart;

import dev.retention.demo.catalog.Catalog;
import dev.retention.demo.catalog.Product;
import dev.retention.support.UtcTime;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Repository;

/** Carts and their lines (tables shop_cart, shop_cart_line). */
@Repository
public class Carts {

    private final JdbcClient jdbc;
    private final Catalog catalog;

    public Carts(JdbcClient jdbc, Catalog catalog) {
        this.jdbc = jdbc;
        this.catalog = catalog;
    }

    public Optional<CartView> open(long cartId) {
        return jdbc.sql("SELECT id, customer_id, session_id, version FROM shop_cart WHERE id = ? AND status = 'OPEN'")
                .param(cartId)
                .query((rs, n) -> new long[] {rs.getLong(1), rs.getObject(2) == null ? -1 : rs.getLong(2),
                    rs.getInt(4)})
                .optional()
                .map(row -> load(row[0]));
    }

    public Optional<Long> openCartOf(long customerId) {
        return jdbc.sql("SELECT MAX(id) FROM shop_cart WHERE customer_id = ? AND status = 'OPEN'").param(customerId)
                .query(Long.class).optional();
    }

    public long create(Long customerId, String sessionId, Instant at) {
        KeyHolder keys = new GeneratedKeyHolder();
        jdbc.sql("INSERT INTO shop_cart (customer_id, session_id, status, created_at, updated_at)"
                        + " VALUES (?, ?, 'OPEN', ?, ?)")
                .params(customerId, sessionId, UtcTime.toColumn(at), UtcTime.toColumn(at)).update(keys, "id");
        return keys.getKey().longValue();
    }

    public void assign(long cartId, long customerId) {
        jdbc.sql("UPDATE shop_cart SET customer_id = ? WHERE id = ?").params(customerId, cartId).update();
    }

    /** Sets a line's quantity (0 removes it) and bumps the cart version. */
    public void setQuantity(long cartId, long productId, int quantity, Instant at) {
        jdbc.sql("DELETE FROM shop_cart_line WHERE cart_id = ? AND product_id = ?").params(cartId, productId).update();
        if (quantity > 0) {
            jdbc.sql("INSERT INTO shop_cart_line (cart_id, product_id, quantity) VALUES (?, ?, ?)")
                    .params(cartId, productId, quantity).update();
        }
        touch(cartId, at);
    }

    public void touch(long cartId, Instant at) {
        jdbc.sql("UPDATE shop_cart SET version = version + 1, updated_at = ? WHERE id = ?")
                .params(UtcTime.toColumn(at), cartId).update();
    }

    public void markOrdered(long cartId) {
        jdbc.sql("UPDATE shop_cart SET status = 'ORDERED' WHERE id = ?").param(cartId).update();
    }

    public void markMerged(long cartId) {
        jdbc.sql("UPDATE shop_cart SET status = 'MERGED' WHERE id = ?").param(cartId).update();
    }

    public CartView load(long cartId) {
        record Head(long id, Long customerId, String sessionId, int version) {
        }
        Head head = jdbc.sql("SELECT id, customer_id, session_id, version FROM shop_cart WHERE id = ?").param(cartId)
                .query((rs, n) -> new Head(rs.getLong(1), rs.getObject(2) == null ? null : rs.getLong(2),
                        rs.getString(3), rs.getInt(4)))
                .single();
        Map<Long, Integer> quantities = new LinkedHashMap<>();
        jdbc.sql("SELECT product_id, quantity FROM shop_cart_line WHERE cart_id = ? ORDER BY product_id")
                .param(cartId).query(rs -> {
                    quantities.put(rs.getLong(1), rs.getInt(2));
                });
        List<CartLineView> lines = new ArrayList<>();
        for (Product product : catalog.products(quantities.keySet())) {
            lines.add(new CartLineView(product, quantities.get(product.id())));
        }
        return new CartView(head.id(), head.customerId(), head.sessionId(), head.version(), lines);
    }
}
