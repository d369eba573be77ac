package org.hearth.decision;

import org.hearth.testing.OnSqlite;

@OnSqlite
class ExperiencesOnSqliteTest extends ExperiencesContract {
}
