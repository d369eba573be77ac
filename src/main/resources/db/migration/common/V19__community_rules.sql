-- Each community's charter and numbered rules, kept as versions for ever: a version is never
-- changed or deleted, so a member can read what they agreed to and what changed since. The
-- rules of a version are rows of community_rules, numbered from 1; a rule keeps its key from
-- version to version while it is reworded or moved, so a change can be told in words ("rule 3
-- was reworded"). saved_by is null for the rules Hearth starts a community with, and once the
-- moderator who saved them deletes their account; staff_number stays, so the version still
-- says who saved it as members know them ("Moderator 2").
CREATE TABLE community_rule_versions (
    community_id VARCHAR(16)  NOT NULL REFERENCES communities (id),
    version      INTEGER      NOT NULL,
    charter      TEXT         NOT NULL,
    summary      VARCHAR(300) NOT NULL,
    saved_at     BIGINT       NOT NULL,
    saved_by     VARCHAR(16)  REFERENCES members (id),
    staff_number INTEGER,
    PRIMARY KEY (community_id, version)
);
CREATE INDEX community_rule_versions_by_saver ON community_rule_versions (saved_by);

CREATE TABLE community_rules (
    community_id VARCHAR(16)  NOT NULL,
    version      INTEGER      NOT NULL,
    number       INTEGER      NOT NULL,
    rule_key     VARCHAR(16)  NOT NULL,
    title        VARCHAR(120) NOT NULL,
    body         TEXT         NOT NULL,
    PRIMARY KEY (community_id, version, number)
);

-- A community's stable names for its staff ("Moderator 3"): numbered in the order they were
-- first needed, never reused. member_id is emptied when that member deletes their account; the
-- number stays taken, so no one else is ever given it.
CREATE TABLE staff_numbers (
    community_id VARCHAR(16) NOT NULL REFERENCES communities (id),
    number       INTEGER     NOT NULL,
    member_id    VARCHAR(16) REFERENCES members (id),
    assigned_at  BIGINT      NOT NULL,
    PRIMARY KEY (community_id, number),
    UNIQUE (community_id, member_id)
);
CREATE INDEX staff_numbers_by_member ON staff_numbers (member_id);

-- Which version of the rules a member agreed to when they joined (or asked to join), and when.
-- Null for memberships from before the rules, and for owners who made the community.
ALTER TABLE memberships ADD COLUMN rules_version INTEGER;
ALTER TABLE memberships ADD COLUMN agreed_at BIGINT;
ALTER TABLE join_requests ADD COLUMN rules_version INTEGER;
ALTER TABLE join_requests ADD COLUMN agreed_at BIGINT;

-- Flags from members hide a post until a moderator looks once their points add up to this.
ALTER TABLE communities ADD COLUMN flag_hide_score INTEGER NOT NULL DEFAULT 8;

-- Every existing community starts with the same rules a new one gets (DefaultRules, which a
-- test keeps equal to these), as version 1.
INSERT INTO community_rule_versions (community_id, version, charter, summary, saved_at, saved_by, staff_number)
SELECT id, 1,
       'This community is run by its members: people living with the condition it serves, and those who care for them. We are here to help each other through hard days and hard decisions, by sharing what we have lived.

We are not a clinic. What you read here is a member''s own experience, not medical advice: talk to your own care team before you change a treatment.

The moderators are members who volunteered. They act on these rules and say which rule they acted on.',
       'The rules every new community starts with.',
       created_at, NULL, NULL
FROM communities;
INSERT INTO community_rules (community_id, version, number, rule_key, title, body)
SELECT id, 1, 1, 'd1', 'Be kind',
       'Everyone here is living with something hard. Disagree with an idea, never attack a person. No insults, mockery or pile-ons, and no judging how someone copes.'
FROM communities;
INSERT INTO community_rules (community_id, version, number, rule_key, title, body)
SELECT id, 1, 2, 'd2', 'Share experience, not medical advice',
       'Tell what happened to you and say that it is your experience ("what worked for me was..."). Do not present advice about medicines, doses or treatments as fact, and never tell someone to stop a treatment. Link to a trustworthy source when you mention research.'
FROM communities;
INSERT INTO community_rules (community_id, version, number, rule_key, title, body)
SELECT id, 1, 3, 'd3', 'Respect privacy',
       'What is shared here stays here. Do not post real names, photos, addresses or other details of anyone, members or not, and do not copy members'' posts elsewhere. Use first names or initials for the people in your story, or none.'
FROM communities;
INSERT INTO community_rules (community_id, version, number, rule_key, title, body)
SELECT id, 1, 4, 'd4', 'No selling or recruiting',
       'No selling, advertising or fundraising, and no recruiting for studies, surveys or trials without the community''s approval, given in the open.'
FROM communities;
INSERT INTO community_rules (community_id, version, number, rule_key, title, body)
SELECT id, 1, 5, 'd5', 'No spam',
       'No repeated posts, chain messages or links posted only to bring people elsewhere.'
FROM communities;
