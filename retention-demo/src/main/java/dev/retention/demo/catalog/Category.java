package dev.retention.demo.catalog;

/** A shop category; consumable categories are bought again at intervals. */
public record Category(String id, String name, String description, boolean consumable, int hue, int sortOrder) {
}
