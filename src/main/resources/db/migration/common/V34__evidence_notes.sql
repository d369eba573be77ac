-- Evidence notes: a verified clinician (or an expert patient a community's moderators marked,
-- where it allows them) sets a post beside current evidence. A note never hides its post.
-- post_author_id is kept so erasing an account takes the notes on its posts with it; never shown.
-- author_kind is what the writer was when they wrote (CLINICIAN, EXPERT_PATIENT). status is
-- NEEDS_RATINGS or SHOWN, moved by ratings with hysteresis (see RateEvidenceNote). citations:
-- the references in the order written, one per line as "KIND value" (KIND is DOI, PUBMED or URL;
-- the value in its canonical form), kept in the row so a page reads its notes in one query.
CREATE TABLE evidence_notes (
    id               VARCHAR(16)  PRIMARY KEY,
    community_id     VARCHAR(16)  NOT NULL REFERENCES communities (id),
    post_id          VARCHAR(16)  NOT NULL REFERENCES posts (id),
    post_author_id   VARCHAR(16)  NOT NULL REFERENCES members (id),
    author_id        VARCHAR(16)  NOT NULL REFERENCES members (id),
    author_kind      VARCHAR(20)  NOT NULL,
    stance           VARCHAR(20)  NOT NULL,
    explanation      TEXT         NOT NULL,
    explanation_html TEXT         NOT NULL,
    citations        TEXT         NOT NULL,
    status           VARCHAR(20)  NOT NULL,
    written_at       BIGINT       NOT NULL,
    UNIQUE (post_id, author_id)
);
CREATE INDEX evidence_notes_by_community ON evidence_notes (community_id, status);
CREATE INDEX evidence_notes_by_author ON evidence_notes (author_id);
CREATE INDEX evidence_notes_by_post_author ON evidence_notes (post_author_id);

-- One rating per member and note. rater_group is what the rater was when they rated: PATIENT
-- (anyone not a verified clinician) or CLINICIAN. Never shown to the note's author or to other
-- raters; only counted.
CREATE TABLE evidence_note_ratings (
    note_id     VARCHAR(16)  NOT NULL REFERENCES evidence_notes (id),
    rater_id    VARCHAR(16)  NOT NULL REFERENCES members (id),
    rater_group VARCHAR(10)  NOT NULL,
    helpful     BOOLEAN      NOT NULL,
    reason      VARCHAR(500),
    rated_at    BIGINT       NOT NULL,
    PRIMARY KEY (note_id, rater_id)
);
CREATE INDEX evidence_note_ratings_by_rater ON evidence_note_ratings (rater_id);

-- Expert patients a community's moderators marked, who may write evidence notes there when the
-- community allows it (evidence_note_policies).
CREATE TABLE expert_patients (
    community_id VARCHAR(16) NOT NULL REFERENCES communities (id),
    member_id    VARCHAR(16) NOT NULL REFERENCES members (id),
    marked_by    VARCHAR(16) REFERENCES members (id),
    marked_at    BIGINT      NOT NULL,
    PRIMARY KEY (community_id, member_id)
);
CREATE INDEX expert_patients_by_member ON expert_patients (member_id);

-- Whether expert patients marked by the moderators may write evidence notes here: off unless
-- the community's owners choose it.
CREATE TABLE evidence_note_policies (
    community_id         VARCHAR(16) PRIMARY KEY REFERENCES communities (id),
    expert_patients_write BOOLEAN    NOT NULL
);
