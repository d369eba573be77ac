package org.hearth.privacy;

import org.hearth.testing.OnPostgres;

@OnPostgres
class StaffAccessOnPostgresTest extends StaffAccessContract {
}
