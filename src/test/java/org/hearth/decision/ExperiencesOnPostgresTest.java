package org.hearth.decision;

import org.hearth.testing.OnPostgres;

@OnPostgres
class ExperiencesOnPostgresTest extends ExperiencesContract {
}
