-- A host application's own migration, to prove Retention Kit's Flyway does not interfere.
CREATE TABLE shop_product (id VARCHAR(40) PRIMARY KEY, name VARCHAR(200) NOT NULL);
INSERT INTO shop_product (id, name) VALUES ('p1', 'Tea'), ('p2', 'Cup');
