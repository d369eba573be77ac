package org.hearth.platform.db;

import org.hearth.testing.OnSqlite;

@OnSqlite
class SubmissionKeysOnSqliteTest extends SubmissionKeysContract {
}
