-- Analytics (issue 6): reporting settings, marketing spend, RFM runs and scores with history, model fits and
-- per-customer predictions.

CREATE TABLE rtn_analytics_setting (
    setting_name  VARCHAR(100)  NOT NULL PRIMARY KEY,
    setting_value VARCHAR(1000) NOT NULL,
    updated_at DATETIME(6)  NOT NULL
);

CREATE TABLE rtn_marketing_spend (
    spend_month CHAR(7)        NOT NULL PRIMARY KEY,
    amount      DECIMAL(19, 4) NOT NULL,
    updated_at  DATETIME(6)   NOT NULL
);

CREATE TABLE rtn_rfm_run (
    run_id      BIGINT AUTO_INCREMENT PRIMARY KEY,
    computed_at DATETIME(6) NOT NULL,
    customers   INT          NOT NULL
);

CREATE TABLE rtn_rfm_score (
    run_id       BIGINT         NOT NULL,
    customer_id  VARCHAR(200)   NOT NULL,
    last_order_at DATETIME(6)  NOT NULL,
    orders       INT            NOT NULL,
    revenue      DECIMAL(19, 4) NOT NULL,
    r_score      INT            NOT NULL,
    f_score      INT            NOT NULL,
    m_score      INT            NOT NULL,
    segment      VARCHAR(40)    NOT NULL,
    PRIMARY KEY (run_id, customer_id)
);
CREATE INDEX rtn_rfm_score_customer_ix ON rtn_rfm_score (customer_id, run_id);

CREATE TABLE rtn_model_fit (
    fit_id      BIGINT AUTO_INCREMENT PRIMARY KEY,
    fitted_at   DATETIME(6)     NOT NULL,
    time_unit   VARCHAR(10)      NOT NULL,
    customers   INT              NOT NULL,
    bgnbd_r     DOUBLE PRECISION NOT NULL,
    bgnbd_alpha DOUBLE PRECISION NOT NULL,
    bgnbd_a     DOUBLE PRECISION NOT NULL,
    bgnbd_b     DOUBLE PRECISION NOT NULL,
    bgnbd_ll    DOUBLE PRECISION NOT NULL,
    gg_p        DOUBLE PRECISION,
    gg_q        DOUBLE PRECISION,
    gg_gamma    DOUBLE PRECISION,
    gg_ll       DOUBLE PRECISION
);

CREATE TABLE rtn_customer_prediction (
    customer_id        VARCHAR(200)     NOT NULL PRIMARY KEY,
    fit_id             BIGINT           NOT NULL,
    computed_at        DATETIME(6)     NOT NULL,
    frequency          INT              NOT NULL,
    recency            DOUBLE PRECISION NOT NULL,
    age                DOUBLE PRECISION NOT NULL,
    revenue            DECIMAL(19, 4)   NOT NULL,
    p_alive            DOUBLE PRECISION NOT NULL,
    churn_risk         DOUBLE PRECISION NOT NULL,
    risk_label         VARCHAR(10)      NOT NULL,
    high_value         BOOLEAN          NOT NULL,
    expected_purchases DOUBLE PRECISION NOT NULL,
    expected_value     DOUBLE PRECISION,
    clv                DECIMAL(19, 4),
    next_order_on      DATE
);
CREATE INDEX rtn_customer_prediction_risk_ix ON rtn_customer_prediction (risk_label, high_value);
