package dev.retention.recommend.internal;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The raw training signal, append-only: purchases (one entry per order line, with the order they belong to) and
 * weaker signals (product views, cart adds) of customers or guest sessions. Products, users and orders are
 * numbered in the order first seen, so an index trained from this log keeps its item numbers when more is
 * appended (that is what the incremental fold-in relies on). Not thread-safe: the engine guards it.
 */
public final class Interactions {

    private final Map<String, Integer> items = new HashMap<>();
    private final List<String> itemIds = new ArrayList<>();
    private final List<String> itemCategories = new ArrayList<>();
    private final Map<String, Integer> users = new HashMap<>();
    private final Map<String, Integer> orders = new HashMap<>();

    private int size;
    private int[] user = new int[1024];
    private int[] item = new int[1024];
    private int[] order = new int[1024];
    private float[] weight = new float[1024];
    private long[] time = new long[1024];

    /** A purchased order line of a (not cancelled) order; repeated lines of one product count once per order. */
    public void addPurchase(String userKey, String orderKey, String productId, String category, Instant at) {
        int itemNo = item(productId, category);
        append(user(userKey), itemNo, orders.computeIfAbsent(orderKey, k -> orders.size()), 1f, at);
    }

    /** A weaker signal (view, cart add) of the given weight in (0, 1]. */
    public void addSignal(String userKey, String productId, float signalWeight, Instant at) {
        if (!(signalWeight > 0f && signalWeight <= 1f)) {
            throw new IllegalArgumentException("signal weight must be in (0, 1], was " + signalWeight);
        }
        append(user(userKey), item(productId, null), -1, signalWeight, at);
    }

    public boolean containsOrder(String orderKey) {
        return orders.containsKey(orderKey);
    }

    public int size() {
        return size;
    }

    public int itemCount() {
        return itemIds.size();
    }

    public int userCount() {
        return users.size();
    }

    public int orderCount() {
        return orders.size();
    }

    String itemId(int itemNo) {
        return itemIds.get(itemNo);
    }

    String category(int itemNo) {
        return itemCategories.get(itemNo);
    }

    int user(int entry) {
        return user[entry];
    }

    int item(int entry) {
        return item[entry];
    }

    int order(int entry) {
        return order[entry];
    }

    float weight(int entry) {
        return weight[entry];
    }

    long epochSecond(int entry) {
        return time[entry];
    }

    private int user(String userKey) {
        return users.computeIfAbsent(userKey, k -> users.size());
    }

    private int item(String productId, String category) {
        Integer known = items.get(productId);
        if (known == null) {
            known = itemIds.size();
            items.put(productId, known);
            itemIds.add(productId);
            itemCategories.add(category);
        } else if (category != null) {
            itemCategories.set(known, category);
        }
        return known;
    }

    private void append(int userNo, int itemNo, int orderNo, float w, Instant at) {
        if (size == user.length) {
            int grown = size * 2;
            user = Arrays.copyOf(user, grown);
            item = Arrays.copyOf(item, grown);
            order = Arrays.copyOf(order, grown);
            weight = Arrays.copyOf(weight, grown);
            time = Arrays.copyOf(time, grown);
        }
        user[size] = userNo;
        item[size] = itemNo;
        order[size] = orderNo;
        weight[size] = w;
        time[size] = at.getEpochSecond();
        size++;
    }
}
