-- Feedback: NPS and short-survey invitations (one answer each) and their answers; detractor alerts.

CREATE TABLE rtn_feedback_invitation (
    invitation_id VARCHAR(200) NOT NULL PRIMARY KEY,
    customer_id   VARCHAR(200) NOT NULL,
    order_id      VARCHAR(200),
    kind          VARCHAR(20)  NOT NULL,
    invited_at    TIMESTAMP(6)         NOT NULL,
    answered_at   TIMESTAMP(6)
);
CREATE INDEX rtn_feedback_invitation_customer_ix ON rtn_feedback_invitation (customer_id);

CREATE TABLE rtn_feedback_answer (
    invitation_id VARCHAR(200) NOT NULL PRIMARY KEY,
    customer_id   VARCHAR(200) NOT NULL,
    order_id      VARCHAR(200),
    kind          VARCHAR(20)  NOT NULL,
    score         INT,
    category      VARCHAR(12),
    rating        INT,
    choice        VARCHAR(100),
    comment       TEXT,
    answered_at   TIMESTAMP(6)         NOT NULL,
    alert_status  VARCHAR(16),
    alert_handled_by VARCHAR(200)
);
CREATE INDEX rtn_feedback_answer_time_ix ON rtn_feedback_answer (answered_at);
CREATE INDEX rtn_feedback_answer_customer_ix ON rtn_feedback_answer (customer_id);
