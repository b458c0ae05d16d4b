-- Engagement: the message outbox (rendered in the same transaction as the decision to send), delivery
-- de-duplication, unsubscribes, opens/clicks, conversions, flow settings and the shopper's last cart.

CREATE TABLE rtn_engage_message (
    id              BIGSERIAL PRIMARY KEY,
    message_id      VARCHAR(200)   NOT NULL,
    flow            VARCHAR(40)    NOT NULL,
    step            INT            NOT NULL,
    variant         VARCHAR(20)    NOT NULL,
    customer_id     VARCHAR(200)   NOT NULL,
    channel         VARCHAR(20)    NOT NULL,
    recipient       VARCHAR(320),
    locale          VARCHAR(35),
    subject         VARCHAR(1000),
    html_body       TEXT,
    text_body       TEXT,
    headers         TEXT,
    status          VARCHAR(16)    NOT NULL,
    reason          VARCHAR(4000),
    decided_at      TIMESTAMP(6)           NOT NULL,
    attempts        INT            NOT NULL DEFAULT 0,
    next_attempt_at TIMESTAMP(6),
    lease_until     TIMESTAMP(6),
    sent_at         TIMESTAMP(6),
    opened_at       TIMESTAMP(6),
    clicked_at      TIMESTAMP(6),
    CONSTRAINT rtn_engage_message_id_uk UNIQUE (message_id)
);
CREATE INDEX rtn_engage_message_due_ix ON rtn_engage_message (status, next_attempt_at);
CREATE INDEX rtn_engage_message_customer_ix ON rtn_engage_message (customer_id, decided_at);

CREATE TABLE rtn_engage_delivery (
    message_id   VARCHAR(200) NOT NULL PRIMARY KEY,
    delivered_at TIMESTAMP(6)         NOT NULL
);

CREATE TABLE rtn_engage_unsubscribe (
    customer_id VARCHAR(200) NOT NULL,
    flow        VARCHAR(40)  NOT NULL,
    channel     VARCHAR(20)  NOT NULL,
    changed_at  TIMESTAMP(6)         NOT NULL,
    PRIMARY KEY (customer_id, flow, channel)
);

CREATE TABLE rtn_engage_interaction (
    id          BIGSERIAL PRIMARY KEY,
    message_id  VARCHAR(200)  NOT NULL,
    kind        VARCHAR(10)   NOT NULL,
    occurred_at TIMESTAMP(6)          NOT NULL,
    url         VARCHAR(2000)
);
CREATE INDEX rtn_engage_interaction_message_ix ON rtn_engage_interaction (message_id);

CREATE TABLE rtn_engage_conversion (
    order_id     VARCHAR(200)   NOT NULL PRIMARY KEY,
    message_id   VARCHAR(200)   NOT NULL,
    flow         VARCHAR(40)    NOT NULL,
    variant      VARCHAR(20)    NOT NULL,
    holdout      BOOLEAN        NOT NULL,
    revenue      DECIMAL(19, 4) NOT NULL,
    converted_at TIMESTAMP(6)           NOT NULL
);
CREATE INDEX rtn_engage_conversion_message_ix ON rtn_engage_conversion (message_id);

CREATE TABLE rtn_engage_flow_setting (
    flow       VARCHAR(40)  NOT NULL PRIMARY KEY,
    settings   TEXT       NOT NULL,
    updated_at TIMESTAMP(6)         NOT NULL,
    updated_by VARCHAR(200) NOT NULL
);

CREATE TABLE rtn_engage_cart (
    customer_id VARCHAR(200)   NOT NULL PRIMARY KEY,
    cart_id     VARCHAR(200)   NOT NULL,
    updated_at  TIMESTAMP(6)           NOT NULL,
    cart_lines  TEXT         NOT NULL,
    total       DECIMAL(19, 4) NOT NULL,
    currency    CHAR(3)        NOT NULL
);
