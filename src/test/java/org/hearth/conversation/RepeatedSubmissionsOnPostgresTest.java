package org.hearth.conversation;

import org.hearth.testing.OnPostgres;

@OnPostgres
class RepeatedSubmissionsOnPostgresTest extends RepeatedSubmissionsContract {
}
