package org.hearth.notification;

import org.hearth.testing.OnSqlite;

@OnSqlite
class WebPushOnSqliteTest extends WebPushContract {
}
