-- Loyalty programme and referrals: accounts with cached balances, the append-only ledger, expiring lots,
-- per-order earnings, checkout reservations, tier history, versioned programme settings, referral codes.

CREATE TABLE rtn_loyalty_account (
    customer_id      VARCHAR(200) NOT NULL PRIMARY KEY,
    balance          BIGINT       NOT NULL DEFAULT 0,
    pending          BIGINT       NOT NULL DEFAULT 0,
    debt             BIGINT       NOT NULL DEFAULT 0,
    shortfall        BIGINT       NOT NULL DEFAULT 0,
    tier             VARCHAR(60),
    tier_since       TIMESTAMP(6),
    version          BIGINT       NOT NULL DEFAULT 0,
    created_at       TIMESTAMP(6) NOT NULL,
    last_activity_at TIMESTAMP(6) NOT NULL
);

CREATE TABLE rtn_loyalty_entry (
    id              BIGSERIAL PRIMARY KEY,
    customer_id     VARCHAR(200)  NOT NULL,
    entry_type      VARCHAR(20)   NOT NULL,
    points          BIGINT        NOT NULL,
    pending_points  BIGINT        NOT NULL DEFAULT 0,
    debt_change     BIGINT        NOT NULL DEFAULT 0,
    shortfall       BIGINT        NOT NULL DEFAULT 0,
    source          VARCHAR(40)   NOT NULL,
    reason          VARCHAR(1000) NOT NULL,
    source_event_id VARCHAR(200),
    order_id        VARCHAR(200),
    checkout_id     VARCHAR(200),
    rule_version    INT,
    idempotency_key VARCHAR(250)  NOT NULL,
    occurred_at     TIMESTAMP(6) NOT NULL,
    actor           VARCHAR(200),
    CONSTRAINT rtn_loyalty_entry_key_uk UNIQUE (idempotency_key)
);
CREATE INDEX rtn_loyalty_entry_customer_ix ON rtn_loyalty_entry (customer_id, id);
CREATE INDEX rtn_loyalty_entry_source_ix ON rtn_loyalty_entry (customer_id, source, occurred_at);

CREATE TABLE rtn_loyalty_lot (
    id          BIGSERIAL PRIMARY KEY,
    customer_id VARCHAR(200) NOT NULL,
    entry_id    BIGINT       NOT NULL,
    points      BIGINT       NOT NULL,
    remaining   BIGINT       NOT NULL,
    earned_at   TIMESTAMP(6) NOT NULL,
    expires_at  TIMESTAMP(6),
    warned_at   TIMESTAMP(6)
);
CREATE INDEX rtn_loyalty_lot_customer_ix ON rtn_loyalty_lot (customer_id);
CREATE INDEX rtn_loyalty_lot_expiry_ix ON rtn_loyalty_lot (expires_at, remaining);

CREATE TABLE rtn_loyalty_lot_use (
    entry_id BIGINT NOT NULL,
    lot_id   BIGINT NOT NULL,
    points   BIGINT NOT NULL,
    PRIMARY KEY (entry_id, lot_id)
);

CREATE TABLE rtn_loyalty_order (
    order_id            VARCHAR(200)   NOT NULL PRIMARY KEY,
    customer_id         VARCHAR(200)   NOT NULL,
    checkout_id         VARCHAR(200),
    placed_at           TIMESTAMP(6) NOT NULL,
    status              VARCHAR(16)    NOT NULL,
    basis               DECIMAL(19, 4) NOT NULL,
    merchandise         DECIMAL(19, 4) NOT NULL,
    refunded            DECIMAL(19, 4) NOT NULL DEFAULT 0,
    earned              BIGINT         NOT NULL,
    pending             BIGINT         NOT NULL,
    clawed              BIGINT         NOT NULL DEFAULT 0,
    rule_version        INT            NOT NULL,
    redeemed            BIGINT         NOT NULL DEFAULT 0,
    redeem_returned     BIGINT         NOT NULL DEFAULT 0,
    categories          VARCHAR(1000),
    address_fingerprint VARCHAR(128),
    payment_fingerprint VARCHAR(128),
    completed_at        TIMESTAMP(6),
    confirmed_at        TIMESTAMP(6)
);
CREATE INDEX rtn_loyalty_order_customer_ix ON rtn_loyalty_order (customer_id, placed_at);

CREATE TABLE rtn_loyalty_reservation (
    checkout_id    VARCHAR(200)  NOT NULL PRIMARY KEY,
    customer_id    VARCHAR(200)  NOT NULL,
    generation     INT           NOT NULL,
    status         VARCHAR(16)   NOT NULL,
    points         BIGINT        NOT NULL,
    reward_id      VARCHAR(100),
    grant_id       VARCHAR(250)  NOT NULL,
    discount       VARCHAR(1000) NOT NULL,
    reserve_entry  BIGINT        NOT NULL,
    created_at     TIMESTAMP(6) NOT NULL,
    expires_at     TIMESTAMP(6) NOT NULL,
    order_id       VARCHAR(200),
    returned       BIGINT        NOT NULL DEFAULT 0
);
CREATE INDEX rtn_loyalty_reservation_customer_ix ON rtn_loyalty_reservation (customer_id, status);

CREATE TABLE rtn_loyalty_tier_change (
    id          BIGSERIAL PRIMARY KEY,
    customer_id VARCHAR(200) NOT NULL,
    from_tier   VARCHAR(60),
    to_tier     VARCHAR(60),
    changed_at  TIMESTAMP(6) NOT NULL,
    reason      VARCHAR(200) NOT NULL
);
CREATE INDEX rtn_loyalty_tier_change_customer_ix ON rtn_loyalty_tier_change (customer_id, id);

CREATE TABLE rtn_loyalty_settings (
    section        VARCHAR(40)  NOT NULL,
    version        INT          NOT NULL,
    body           TEXT       NOT NULL,
    effective_from TIMESTAMP(6) NOT NULL,
    changed_by     VARCHAR(200) NOT NULL,
    PRIMARY KEY (section, version)
);

CREATE TABLE rtn_referral_code (
    customer_id VARCHAR(200) NOT NULL PRIMARY KEY,
    code        VARCHAR(40)  NOT NULL,
    created_at  TIMESTAMP(6) NOT NULL,
    shares      BIGINT       NOT NULL DEFAULT 0,
    CONSTRAINT rtn_referral_code_uk UNIQUE (code)
);

CREATE TABLE rtn_referral (
    friend_id      VARCHAR(200) NOT NULL PRIMARY KEY,
    referrer_id    VARCHAR(200) NOT NULL,
    code           VARCHAR(40)  NOT NULL,
    status         VARCHAR(16)  NOT NULL,
    refused_reason VARCHAR(200),
    signed_up_at   TIMESTAMP(6) NOT NULL,
    first_order_id VARCHAR(200),
    ordered_at     TIMESTAMP(6),
    rewarded_at    TIMESTAMP(6),
    referrer_points BIGINT      NOT NULL DEFAULT 0
);
CREATE INDEX rtn_referral_referrer_ix ON rtn_referral (referrer_id, status);
