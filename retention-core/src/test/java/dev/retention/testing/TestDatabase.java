package dev.retention.testing;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.springframework.test.context.DynamicPropertyRegistry;

/**
 * Which database the persistence tests run on. By default an in-memory H2; the Maven profiles {@code postgresql}
 * and {@code mariadb} set {@code retention.test.datasource.url} so the same tests (tagged {@code db}) run on the
 * real servers. Tests must not assume an empty database there: they use unique ids.
 */
public final class TestDatabase {

    private TestDatabase() {
    }

    public static boolean isExternal() {
        String url = System.getProperty("retention.test.datasource.url", "");
        return !url.isBlank();
    }

    /** Spring properties for a database; {@code name} keeps in-memory H2 databases of different tests apart. */
    public static Map<String, String> properties(String name) {
        Map<String, String> properties = new LinkedHashMap<>();
        if (isExternal()) {
            properties.put("spring.datasource.url", System.getProperty("retention.test.datasource.url"));
            properties.put("spring.datasource.username", System.getProperty("retention.test.datasource.username", ""));
            properties.put("spring.datasource.password", System.getProperty("retention.test.datasource.password", ""));
        } else {
            properties.put("spring.datasource.url", "jdbc:h2:mem:" + name + ";DB_CLOSE_DELAY=-1");
            properties.put("spring.datasource.username", "sa");
        }
        return properties;
    }

    public static void register(DynamicPropertyRegistry registry, String name) {
        properties(name).forEach((key, value) -> registry.add(key, () -> value));
    }

    /** Properties as {@code key=value} strings, for {@code ApplicationContextRunner.withPropertyValues}. */
    public static String[] propertyValues(String name) {
        return properties(name).entrySet().stream().map(e -> e.getKey() + "=" + e.getValue()).toArray(String[]::new);
    }

    /** A prefix that keeps one test run's ids apart from earlier runs on a shared database. */
    public static String uniquePrefix() {
        return UUID.randomUUID().toString().substring(0, 8) + "-";
    }
}
