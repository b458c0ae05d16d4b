-- Append-only audit trail of admin actions.
CREATE TABLE rtn_audit (
    id           BIGINT AUTO_INCREMENT PRIMARY KEY,
    at           DATETIME(6)  NOT NULL,
    actor        VARCHAR(200)  NOT NULL,
    entity       VARCHAR(100)  NOT NULL,
    entity_id    VARCHAR(200),
    action       VARCHAR(60)   NOT NULL,
    reason       VARCHAR(1000),
    before_value LONGTEXT,
    after_value  LONGTEXT
);
CREATE INDEX rtn_audit_entity_ix ON rtn_audit (entity, entity_id, id);
