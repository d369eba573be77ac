package org.hearth.notification;

import org.hearth.testing.OnPostgres;

@OnPostgres
class NotificationMailOnPostgresTest extends NotificationMailContract {
}
