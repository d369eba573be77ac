package org.hearth.identity;

import org.hearth.testing.OnPostgres;
import org.springframework.test.context.TestPropertySource;

@OnPostgres
@TestPropertySource(properties = "hearth.mail.delivery-interval=1h")
class LinkRequestsOnPostgresTest extends LinkRequestsContract {
}
