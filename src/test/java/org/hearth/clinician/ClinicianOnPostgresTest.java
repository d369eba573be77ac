package org.hearth.clinician;

import org.hearth.testing.OnPostgres;

@OnPostgres
class ClinicianOnPostgresTest extends ClinicianContract {
}
