-- The opening posts hidden from members (few on any site), so a community's topic count is its
-- topics less these, without looking at every topic's opening post (80 ms a page at 200 000 posts).
CREATE INDEX posts_hidden_openings ON posts (topic_id) WHERE position = 0 AND hidden_at IS NOT NULL;
