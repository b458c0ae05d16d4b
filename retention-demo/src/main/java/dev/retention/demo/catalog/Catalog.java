package dev.retention.demo.catalog;

import dev.retention.support.UtcTime;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The shop's products and categories (tables shop_product, shop_category). */
@Repository
public class Catalog {

    private static final String COLUMNS = "id, sku, name, category_id, description, price, stock, variant_group,"
            + " variant_label, repurchasable, replenishment_days, shape, hue, restock_count, published_at";

    private final JdbcClient jdbc;

    public Catalog(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public List<Category> categories() {
        return jdbc.sql("SELECT id, name, description, consumable, hue, sort_order FROM shop_category ORDER BY sort_order")
                .query((rs, n) -> new Category(rs.getString(1), rs.getString(2), rs.getString(3), rs.getBoolean(4),
                        rs.getInt(5), rs.getInt(6)))
                .list();
    }

    public Optional<Category> category(String id) {
        return categories().stream().filter(c -> c.id().equals(id)).findFirst();
    }

    public Optional<Product> product(long id) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM shop_product WHERE id = ?").param(id).query(Catalog::map)
                .optional();
    }

    public List<Product> products(Collection<Long> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("SELECT " + COLUMNS + " FROM shop_product WHERE id IN (:ids) ORDER BY id").param("ids", ids)
                .query(Catalog::map).list();
    }

    public List<Product> all() {
        return jdbc.sql("SELECT " + COLUMNS + " FROM shop_product ORDER BY id").query(Catalog::map).list();
    }

    public List<Product> inCategory(String categoryId, String sort) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM shop_product WHERE category_id = ? ORDER BY " + orderBy(sort))
                .param(categoryId).query(Catalog::map).list();
    }

    public List<Product> variants(String variantGroup) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM shop_product WHERE variant_group = ? ORDER BY id")
                .param(variantGroup).query(Catalog::map).list();
    }

    /** Case-insensitive match on name, description or category name, best sellers first. */
    public List<Product> search(String query) {
        String like = "%" + query.toLowerCase().replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
        return jdbc.sql("SELECT " + prefixed() + " FROM shop_product p JOIN shop_category c ON c.id = p.category_id"
                        + " WHERE LOWER(p.name) LIKE :q ESCAPE '\\' OR LOWER(p.description) LIKE :q ESCAPE '\\'"
                        + " OR LOWER(c.name) LIKE :q ESCAPE '\\' ORDER BY p.name LIMIT 60")
                .param("q", like).query(Catalog::map).list();
    }

    /** Best sellers since {@code since} by units (catalogue order on an empty shop). */
    public List<Product> bestSellers(Instant since, int limit) {
        return jdbc.sql("SELECT " + prefixed() + " FROM shop_product p LEFT JOIN (SELECT l.product_id, SUM(l.quantity) units"
                        + " FROM shop_order_line l JOIN shop_order o ON o.id = l.order_id"
                        + " WHERE o.status <> 'CANCELLED' AND o.placed_at >= ? GROUP BY l.product_id) s"
                        + " ON s.product_id = p.id WHERE p.stock > 0 ORDER BY COALESCE(s.units, 0) DESC, p.id LIMIT ?")
                .params(UtcTime.toColumn(since), limit).query(Catalog::map).list();
    }

    public List<Product> newArrivals(int limit) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM shop_product ORDER BY published_at DESC, id LIMIT ?").param(limit)
                .query(Catalog::map).list();
    }

    /** Sets the stock level; returns the product as it was before, if it exists. */
    public Optional<Product> updateStock(long id, int stock) {
        Optional<Product> before = product(id);
        before.ifPresent(p -> jdbc.sql("UPDATE shop_product SET stock = ?, restock_count = restock_count + ?"
                        + " WHERE id = ?")
                .params(stock, p.stock() == 0 && stock > 0 ? 1 : 0, id).update());
        return before;
    }

    public void decrementStock(long id, int quantity) {
        jdbc.sql("UPDATE shop_product SET stock = GREATEST(stock - ?, 0) WHERE id = ?").params(quantity, id).update();
    }

    public long count() {
        return jdbc.sql("SELECT COUNT(*) FROM shop_product").query(Long.class).single();
    }

    private static String prefixed() {
        return "p." + COLUMNS.replace(", ", ", p.");
    }

    private static String orderBy(String sort) {
        if ("price-asc".equals(sort)) {
            return "price, id";
        }
        if ("price-desc".equals(sort)) {
            return "price DESC, id";
        }
        if ("newest".equals(sort)) {
            return "published_at DESC, id";
        }
        return "name, id";
    }

    static Product map(ResultSet rs, int row) throws SQLException {
        return new Product(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5),
                rs.getBigDecimal(6), rs.getInt(7), rs.getString(8), rs.getString(9), rs.getBoolean(10), rs.getInt(11),
                rs.getInt(12), rs.getInt(13), rs.getInt(14), UtcTime.read(rs, "published_at"));
    }
}
