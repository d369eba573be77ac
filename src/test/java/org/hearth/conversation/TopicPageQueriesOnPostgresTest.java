package org.hearth.conversation;

import org.hearth.testing.PostgresDatabase;
import org.hearth.testing.PostgresRequired;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.test.context.ContextConfiguration;

/** The same count of the topic page's queries, on PostgreSQL. */
@ExtendWith(PostgresRequired.class)
@ContextConfiguration(initializers = PostgresDatabase.class, inheritInitializers = false)
class TopicPageQueriesOnPostgresTest extends TopicPageQueriesTest {
}
