-- Search on PostgreSQL: a tsvector per post (the topic's title weighted A on its opening post,
-- the text B) with a GIN index, over a copy of each post's words as plain text (search_posts),
-- with beside them only what a search filters on. Owned by the search feature, which keeps it
-- in step with the posts inside the transaction of every write (see org.hearth.search).
--
-- author_id is null for an anonymous post: no search by author can find one. title is the
-- topic's title on its opening post, '' on replies.
CREATE TABLE search_posts (
    post_id         VARCHAR(16)  PRIMARY KEY,
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
    body            TEXT         NOT NULL,
    doc             TSVECTOR     NOT NULL
);
CREATE INDEX search_posts_words ON search_posts USING GIN (doc);
-- newest matches first: for a common word PostgreSQL walks this backwards and checks each row
CREATE INDEX search_posts_newest ON search_posts (created_at);
CREATE INDEX search_posts_by_topic ON search_posts (topic_id);
CREATE INDEX search_posts_by_author ON search_posts (author_id);
