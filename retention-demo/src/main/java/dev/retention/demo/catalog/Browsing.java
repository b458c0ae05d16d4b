package dev.retention.demo.catalog;

import dev.retention.demo.web.ShopEvents;
import dev.retention.ingest.RetentionEvents;
import dev.retention.support.UtcTime;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Product views (table shop_product_view): recorded for guests and customers, published as ProductViewed. */
@Service
public class Browsing {

    private final JdbcClient jdbc;
    private final Catalog catalog;
    private final RetentionEvents events;
    private final Clock clock;

    public Browsing(JdbcClient jdbc, Catalog catalog, RetentionEvents events, Clock clock) {
        this.jdbc = jdbc;
        this.catalog = catalog;
        this.events = events;
        this.clock = clock;
    }

    @Transactional
    public void viewed(long productId, String sessionId, Optional<Long> customerId) {
        Instant now = clock.instant();
        KeyHolder keys = new GeneratedKeyHolder();
        jdbc.sql("INSERT INTO shop_product_view (session_id, customer_id, product_id, viewed_at) VALUES (?, ?, ?, ?)")
                .params(sessionId, customerId.orElse(null), productId, UtcTime.toColumn(now)).update(keys, "id");
        events.publish(ShopEvents.viewed(keys.getKey().longValue(), now, customerId.orElse(null), sessionId, productId));
    }

    /** The session's recently viewed products, newest first, without {@code exceptProductId}. */
    public List<Product> recentlyViewed(String sessionId, long exceptProductId, int limit) {
        List<Long> ids = jdbc.sql("SELECT product_id FROM shop_product_view WHERE session_id = ? AND product_id <> ?"
                        + " GROUP BY product_id ORDER BY MAX(viewed_at) DESC LIMIT ?")
                .params(sessionId, exceptProductId, limit).query(Long.class).list();
        return catalog.products(ids);
    }
}
