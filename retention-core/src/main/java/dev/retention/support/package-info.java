/** Small technical helpers shared by every feature: database vendor, UTC time columns. No business rules. */
package dev.retention.support;
