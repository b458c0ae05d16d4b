package dev.retention.demo.review;

import dev.retention.demo.order.Orders;
import dev.retention.demo.web.ShopEvents;
import dev.retention.ingest.RetentionEvents;
import dev.retention.support.UtcTime;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Product reviews (table shop_review); the shop approves them at once and publishes ReviewSubmitted. */
@Service
public class Reviews {

    /** A review as the product page shows it. */
    public record Review(long id, long productId, String author, int rating, String title, String body,
            Instant createdAt) {
    }

    /** Rating summary of a product. */
    public record Summary(long count, double average) {
    }

    private final JdbcClient jdbc;
    private final Orders orders;
    private final RetentionEvents events;
    private final Clock clock;

    public Reviews(JdbcClient jdbc, Orders orders, RetentionEvents events, Clock clock) {
        this.jdbc = jdbc;
        this.orders = orders;
        this.events = events;
        this.clock = clock;
    }

    public List<Review> of(long productId) {
        return jdbc.sql("SELECT r.id, r.product_id, c.display_name, r.rating, r.title, r.body, r.created_at"
                        + " FROM shop_review r JOIN shop_customer c ON c.id = r.customer_id WHERE r.product_id = ?"
                        + " ORDER BY r.created_at DESC, r.id DESC LIMIT 20")
                .param(productId)
                .query((rs, n) -> new Review(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getInt(4),
                        rs.getString(5), rs.getString(6), UtcTime.read(rs, "created_at")))
                .list();
    }

    public Summary summary(long productId) {
        return jdbc.sql("SELECT COUNT(*), COALESCE(AVG(CAST(rating AS DOUBLE PRECISION)), 0) FROM shop_review"
                        + " WHERE product_id = ?")
                .param(productId).query((rs, n) -> new Summary(rs.getLong(1), rs.getDouble(2))).single();
    }

    public boolean mayReview(long customerId, long productId) {
        return orders.bought(customerId, productId);
    }

    @Transactional
    public long submit(long customerId, long productId, int rating, String title, String body) {
        if (rating < 1 || rating > 5) {
            throw new IllegalArgumentException("rating: must be between 1 and 5");
        }
        Instant now = clock.instant();
        KeyHolder keys = new GeneratedKeyHolder();
        jdbc.sql("INSERT INTO shop_review (product_id, customer_id, rating, title, body, created_at)"
                        + " VALUES (?, ?, ?, ?, ?, ?)")
                .params(productId, customerId, rating, title.trim(), body.trim(), UtcTime.toColumn(now))
                .update(keys, "id");
        long id = keys.getKey().longValue();
        events.publish(ShopEvents.review(id, now, customerId, productId, rating));
        return id;
    }
}
