package org.hearth.identity;

import org.hearth.testing.OnSqlite;
import org.springframework.test.context.TestPropertySource;

@OnSqlite
@TestPropertySource(properties = "hearth.mail.delivery-interval=1h")
class LinkRequestsOnSqliteTest extends LinkRequestsContract {
}
