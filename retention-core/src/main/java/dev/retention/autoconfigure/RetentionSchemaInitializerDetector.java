package dev.retention.autoconfigure;

import java.util.Set;
import org.springframework.boot.sql.init.dependency.AbstractBeansOfTypeDatabaseInitializerDetector;

/**
 * Tells Spring Boot that {@link RetentionSchemaMigrator} initialises the database, ordered after the host's Flyway
 * or Liquibase (order 1) so both histories exist, and before anything that depends on initialisation (JPA).
 */
public class RetentionSchemaInitializerDetector extends AbstractBeansOfTypeDatabaseInitializerDetector {

    @Override
    protected Set<Class<?>> getDatabaseInitializerBeanTypes() {
        return Set.of(RetentionSchemaMigrator.class);
    }

    @Override
    public int getOrder() {
        return 10;
    }
}
