package org.hearth.clinician;

import org.hearth.testing.OnSqlite;

@OnSqlite
class ClinicianOnSqliteTest extends ClinicianContract {
}
