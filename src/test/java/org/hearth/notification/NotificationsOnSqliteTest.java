package org.hearth.notification;

import org.hearth.testing.OnSqlite;

@OnSqlite
class NotificationsOnSqliteTest extends NotificationsContract {
}
