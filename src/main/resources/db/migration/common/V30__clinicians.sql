-- A member's application to be verified as a clinician, and what became of it. One row per
-- application: a member applies again after a rejection, a revocation or an expiry, and the
-- earlier rows stay as their history. status: WAITING, APPROVED, REJECTED or WITHDRAWN; an
-- approval ends at expires_at, or earlier at revoked_at. document is the optional credential
-- document, sealed with the site's secrets key (AES-GCM, bound to the application) and stored as
-- base64 text; document_type is what its content showed it to be, never what its name said.
-- decided_role and revoked_role are the role the reviewer acted in, the only thing the
-- applicant learns about who it was.
CREATE TABLE clinician_applications (
    id              VARCHAR(16)  PRIMARY KEY,
    member_id       VARCHAR(16)  NOT NULL REFERENCES members (id),
    profession      VARCHAR(20)  NOT NULL,
    specialty       VARCHAR(100) NOT NULL,
    jurisdiction    VARCHAR(100) NOT NULL,
    register_number VARCHAR(40)  NOT NULL,
    document_type   VARCHAR(20),
    document        TEXT,
    document_bytes  INTEGER,
    applied_at      BIGINT       NOT NULL,
    status          VARCHAR(10)  NOT NULL,
    -- the member's id while the application waits, null once decided: one waiting application
    -- per member, and the unique key is the check when two arrive at once
    waiting_member  VARCHAR(16)  UNIQUE,
    decided_by      VARCHAR(16)  REFERENCES members (id),
    decided_role    VARCHAR(20),
    decided_at      BIGINT,
    reason          TEXT,
    expires_at      BIGINT,
    reminded_at     BIGINT,
    revoked_by      VARCHAR(16)  REFERENCES members (id),
    revoked_role    VARCHAR(20),
    revoked_at      BIGINT,
    revoke_reason   TEXT
);
CREATE INDEX clinician_applications_by_member ON clinician_applications (member_id, applied_at);
CREATE INDEX clinician_applications_by_status ON clinician_applications (status, applied_at);

-- Site reviewers: members a site administrator appointed to work the clinicians' queue.
CREATE TABLE site_reviewers (
    member_id    VARCHAR(16) PRIMARY KEY REFERENCES members (id),
    appointed_by VARCHAR(16) REFERENCES members (id),
    appointed_at BIGINT      NOT NULL
);
