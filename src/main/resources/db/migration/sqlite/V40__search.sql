-- Search on SQLite: FTS5 over a copy of each post's words as plain text (search_posts), with
-- beside them only what a search filters on. Owned by the search feature, which keeps it in step
-- with the posts inside the transaction of every write (see org.hearth.search).
--
-- doc is the FTS5 row id and grows as posts are indexed, so "newest matches first" is a walk of
-- the full-text index backwards, with no sort. author_id is null for an anonymous post: no
-- search by author can find one. title is the topic's title on its opening post, '' on replies.
CREATE TABLE search_posts (
    doc             INTEGER      PRIMARY KEY,
    post_id         VARCHAR(16)  NOT NULL UNIQUE,
    topic_id        VARCHAR(16)  NOT NULL,
    community_id    VARCHAR(16)  NOT NULL,
    kind            VARCHAR(20)  NOT NULL,
    position        INTEGER      NOT NULL,
    opening         BOOLEAN      NOT NULL,
    author_id       VARCHAR(16),
    hidden          BOOLEAN      NOT NULL,
    content_warning VARCHAR(120),
    created_at      BIGINT       NOT NULL,
    title           TEXT         NOT NULL,
    body            TEXT         NOT NULL
);
CREATE INDEX search_posts_by_topic ON search_posts (topic_id);
CREATE INDEX search_posts_by_author ON search_posts (author_id);

-- English stemming (porter: "walking" finds "walked"), accents folded, and prefix indexes for
-- "diab*". SQLite has no other stemmer; see the README's search section.
CREATE VIRTUAL TABLE search_text USING fts5(
    title, body,
    content = 'search_posts', content_rowid = 'doc',
    tokenize = 'porter unicode61 remove_diacritics 2',
    prefix = '2 3'
);

CREATE TRIGGER search_posts_added AFTER INSERT ON search_posts BEGIN
    INSERT INTO search_text (rowid, title, body) VALUES (new.doc, new.title, new.body);
END;
CREATE TRIGGER search_posts_removed AFTER DELETE ON search_posts BEGIN
    INSERT INTO search_text (search_text, rowid, title, body) VALUES ('delete', old.doc, old.title, old.body);
END;
CREATE TRIGGER search_posts_changed AFTER UPDATE OF title, body ON search_posts BEGIN
    INSERT INTO search_text (search_text, rowid, title, body) VALUES ('delete', old.doc, old.title, old.body);
    INSERT INTO search_text (rowid, title, body) VALUES (new.doc, new.title, new.body);
END;

-- Posts written before search existed: the index starts empty and "search rebuild" fills it
-- (Hearth also fills it on its first start with this version; see the README).
