-- Retention Kit foundation: event inbox, business timers, job locks and runs, customer and order history,
-- erasures. Timestamps are UTC wall time in zone-less TIMESTAMP columns.

CREATE TABLE rtn_inbox (
    seq             BIGSERIAL PRIMARY KEY,
    event_id        VARCHAR(200)  NOT NULL,
    event_type      VARCHAR(60)   NOT NULL,
    customer_id     VARCHAR(200),
    occurred_at     TIMESTAMP(6)  NOT NULL,
    received_at     TIMESTAMP(6)  NOT NULL,
    payload         TEXT          NOT NULL,
    status          VARCHAR(16)   NOT NULL,
    attempts        INT           NOT NULL DEFAULT 0,
    next_attempt_at TIMESTAMP(6)  NOT NULL,
    processed_at    TIMESTAMP(6),
    last_error      VARCHAR(4000),
    CONSTRAINT rtn_inbox_event_id_uk UNIQUE (event_id)
);
CREATE INDEX rtn_inbox_due_ix ON rtn_inbox (status, next_attempt_at, occurred_at);
CREATE INDEX rtn_inbox_customer_ix ON rtn_inbox (customer_id);

CREATE TABLE rtn_timer (
    id          BIGSERIAL PRIMARY KEY,
    kind        VARCHAR(60)   NOT NULL,
    timer_key   VARCHAR(200)  NOT NULL,
    due_at      TIMESTAMP(6)  NOT NULL,
    payload     VARCHAR(4000),
    status      VARCHAR(16)   NOT NULL,
    attempts    INT           NOT NULL DEFAULT 0,
    fired_at    TIMESTAMP(6),
    last_error  VARCHAR(4000),
    CONSTRAINT rtn_timer_kind_key_uk UNIQUE (kind, timer_key)
);
CREATE INDEX rtn_timer_due_ix ON rtn_timer (status, due_at);

CREATE TABLE rtn_lock (
    lock_name    VARCHAR(100) NOT NULL PRIMARY KEY,
    locked_until TIMESTAMP(6) NOT NULL,
    locked_by    VARCHAR(200) NOT NULL
);

CREATE TABLE rtn_job_run (
    id           BIGSERIAL PRIMARY KEY,
    job_name     VARCHAR(100)  NOT NULL,
    started_at   TIMESTAMP(6)  NOT NULL,
    finished_at  TIMESTAMP(6),
    status       VARCHAR(16)   NOT NULL,
    items        BIGINT        NOT NULL DEFAULT 0,
    message      VARCHAR(4000)
);
CREATE INDEX rtn_job_run_name_ix ON rtn_job_run (job_name, started_at);

CREATE TABLE rtn_customer (
    customer_id         VARCHAR(200) NOT NULL PRIMARY KEY,
    email               VARCHAR(320),
    display_name        VARCHAR(200),
    locale              VARCHAR(35)  NOT NULL,
    time_zone           VARCHAR(60)  NOT NULL,
    birthday            DATE,
    marketing_consent   BOOLEAN      NOT NULL,
    acquisition_channel VARCHAR(60),
    referral_code       VARCHAR(60),
    registered_at       TIMESTAMP(6),
    updated_at          TIMESTAMP(6) NOT NULL,
    erased_at           TIMESTAMP(6)
);
CREATE INDEX rtn_customer_email_ix ON rtn_customer (email);

CREATE TABLE rtn_consent (
    customer_id VARCHAR(200) NOT NULL,
    channel     VARCHAR(20)  NOT NULL,
    granted     BOOLEAN      NOT NULL,
    changed_at  TIMESTAMP(6) NOT NULL,
    PRIMARY KEY (customer_id, channel)
);

CREATE TABLE rtn_order (
    order_id             VARCHAR(200)   NOT NULL PRIMARY KEY,
    customer_id          VARCHAR(200)   NOT NULL,
    checkout_id          VARCHAR(200),
    placed_at            TIMESTAMP(6)   NOT NULL,
    status               VARCHAR(16)    NOT NULL,
    completed_at         TIMESTAMP(6),
    cancelled_at         TIMESTAMP(6),
    currency             CHAR(3)        NOT NULL,
    total                DECIMAL(19, 4) NOT NULL,
    base_currency        CHAR(3)        NOT NULL,
    base_subtotal        DECIMAL(19, 4) NOT NULL,
    base_discounts       DECIMAL(19, 4) NOT NULL,
    base_shipping        DECIMAL(19, 4) NOT NULL,
    base_tax             DECIMAL(19, 4) NOT NULL,
    base_total           DECIMAL(19, 4) NOT NULL,
    base_net             DECIMAL(19, 4) NOT NULL,
    base_refunded        DECIMAL(19, 4) NOT NULL DEFAULT 0,
    points_redeemed      BIGINT         NOT NULL DEFAULT 0,
    coupon_codes         VARCHAR(1000),
    channel              VARCHAR(60),
    address_fingerprint  VARCHAR(128),
    payment_fingerprint  VARCHAR(128)
);
CREATE INDEX rtn_order_customer_ix ON rtn_order (customer_id, placed_at);
CREATE INDEX rtn_order_placed_ix ON rtn_order (placed_at);

CREATE TABLE rtn_order_line (
    order_id      VARCHAR(200)   NOT NULL,
    line_no       INT            NOT NULL,
    product_id    VARCHAR(200)   NOT NULL,
    variant_id    VARCHAR(200),
    category      VARCHAR(200),
    quantity      INT            NOT NULL,
    unit_price    DECIMAL(19, 4) NOT NULL,
    line_discount DECIMAL(19, 4) NOT NULL,
    PRIMARY KEY (order_id, line_no)
);
CREATE INDEX rtn_order_line_product_ix ON rtn_order_line (product_id);

CREATE TABLE rtn_refund (
    refund_id   VARCHAR(200)   NOT NULL PRIMARY KEY,
    order_id    VARCHAR(200)   NOT NULL,
    refunded_at TIMESTAMP(6)   NOT NULL,
    amount      DECIMAL(19, 4) NOT NULL,
    base_amount DECIMAL(19, 4) NOT NULL,
    currency    CHAR(3)        NOT NULL,
    reason      VARCHAR(1000)
);
CREATE INDEX rtn_refund_order_ix ON rtn_refund (order_id);

CREATE TABLE rtn_erasure (
    customer_id  VARCHAR(200) NOT NULL PRIMARY KEY,
    erased_at    TIMESTAMP(6) NOT NULL,
    requested_by VARCHAR(200) NOT NULL
);
