/**
 * Search over what the searcher may read, and never beyond it. A full-text index of posts
 * ({@link org.hearth.search.SearchIndex}: SQLite FTS5 or PostgreSQL text search, each in its
 * engine's migration folder) holds a copy of each post's words and what a search filters on; it
 * is written inside the transaction of every change conversation announces, so it never says
 * more than the posts. {@link org.hearth.search.SearchPosts} asks the community feature which
 * communities the searcher may read and moderate, and looks only there; anonymous posts carry no
 * author in the index; hidden posts are found only by moderators; posts by members the searcher
 * blocked fold. Owns {@code /search}, the rebuild of the index ({@code search-rebuild}), and the
 * index's rows in a member's download and erasure. Search terms are neither logged nor kept.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"community", "conversation", "identity", "platform"})
package org.hearth.search;
