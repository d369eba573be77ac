package org.hearth.notification;

import org.hearth.testing.OnPostgres;

@OnPostgres
class WebPushOnPostgresTest extends WebPushContract {
}
