-- Recommendations: weak signals (views, cart adds), the persisted trained index (in chunks, so no single value
-- exceeds a driver's or server's packet limit), and shopper impressions/clicks for the admin report.

CREATE TABLE rtn_reco_signal (
    user_key    VARCHAR(210) NOT NULL,
    product_id  VARCHAR(200) NOT NULL,
    kind        VARCHAR(10)  NOT NULL,
    customer_id VARCHAR(200),
    occurred_at TIMESTAMP(6) NOT NULL,
    PRIMARY KEY (user_key, product_id, kind)
);
CREATE INDEX rtn_reco_signal_customer_ix ON rtn_reco_signal (customer_id);
CREATE INDEX rtn_reco_signal_time_ix ON rtn_reco_signal (occurred_at);

-- Orders placed since the last fold-in (written by the OrderPlaced handler in the inbox transaction).
CREATE TABLE rtn_reco_pending (
    order_id    VARCHAR(200) NOT NULL PRIMARY KEY,
    recorded_at TIMESTAMP(6) NOT NULL
);

CREATE TABLE rtn_reco_index (
    version     BIGINT       NOT NULL PRIMARY KEY,
    similarity  VARCHAR(20)  NOT NULL,
    trained_at  TIMESTAMP(6) NOT NULL,
    item_count  INT          NOT NULL,
    byte_count  BIGINT       NOT NULL,
    chunk_count INT          NOT NULL
);

CREATE TABLE rtn_reco_index_chunk (
    version  BIGINT NOT NULL,
    chunk_no INT    NOT NULL,
    payload  BYTEA  NOT NULL,
    PRIMARY KEY (version, chunk_no)
);

CREATE TABLE rtn_reco_event (
    id          BIGSERIAL PRIMARY KEY,
    kind        VARCHAR(12)  NOT NULL,
    placement   VARCHAR(12)  NOT NULL,
    product_id  VARCHAR(200) NOT NULL,
    customer_id VARCHAR(200),
    session_id  VARCHAR(200),
    occurred_at TIMESTAMP(6) NOT NULL
);
CREATE INDEX rtn_reco_event_time_ix ON rtn_reco_event (occurred_at, kind);
CREATE INDEX rtn_reco_event_customer_ix ON rtn_reco_event (customer_id, product_id);
