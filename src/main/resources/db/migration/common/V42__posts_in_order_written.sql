-- Posts in the order they were written, for rebuilding the search index batch by batch: without
-- it every batch sorted all posts (a rebuild of a million posts took hours, not minutes).
CREATE INDEX posts_in_order_written ON posts (created_at, id);
