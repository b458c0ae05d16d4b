-- Append-only audit trail of admin actions.
CREATE TABLE rtn_audit (
    id           BIGSERIAL PRIMARY KEY,
    at           TIMESTAMP(6)  NOT NULL,
    actor        VARCHAR(200)  NOT NULL,
    entity       VARCHAR(100)  NOT NULL,
    entity_id    VARCHAR(200),
    action       VARCHAR(60)   NOT NULL,
    reason       VARCHAR(1000),
    before_value TEXT,
    after_value  TEXT
);
CREATE INDEX rtn_audit_entity_ix ON rtn_audit (entity, entity_id, id);
