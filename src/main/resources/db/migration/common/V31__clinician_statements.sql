-- A clinician's own statement of their interests (employer, industry payments, studies they
-- recruit for), in their words, shown on their badge's page while they are verified.
CREATE TABLE clinician_statements (
    member_id  VARCHAR(16) PRIMARY KEY REFERENCES members (id),
    statement  TEXT        NOT NULL,
    updated_at BIGINT      NOT NULL
);
