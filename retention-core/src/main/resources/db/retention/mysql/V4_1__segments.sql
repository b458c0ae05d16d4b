-- Analytics segments (issue 6): saved customer filters and their size per day.
-- List criteria hold one value per line; an absent criterion is NULL.

CREATE TABLE rtn_segment (
    segment_id        BIGINT AUTO_INCREMENT PRIMARY KEY,
    name              VARCHAR(200)   NOT NULL,
    rfm_segments      VARCHAR(1000),
    clv_min           DECIMAL(19, 4),
    clv_max           DECIMAL(19, 4),
    churn_risk        VARCHAR(100),
    last_order_before DATE,
    last_order_after  DATE,
    categories        LONGTEXT,
    locales           VARCHAR(1000),
    marketing_consent BOOLEAN,
    created_at        DATETIME(6)   NOT NULL,
    created_by        VARCHAR(200)   NOT NULL
);

CREATE TABLE rtn_segment_size (
    segment_id  BIGINT NOT NULL,
    snapshot_on DATE   NOT NULL,
    customers   BIGINT NOT NULL,
    PRIMARY KEY (segment_id, snapshot_on)
);
