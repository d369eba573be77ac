package org.hearth.platform.db;

import org.hearth.testing.OnPostgres;

@OnPostgres
class SubmissionKeysOnPostgresTest extends SubmissionKeysContract {
}
