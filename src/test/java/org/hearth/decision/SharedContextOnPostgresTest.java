package org.hearth.decision;

import org.hearth.testing.OnPostgres;

@OnPostgres
class SharedContextOnPostgresTest extends SharedContextContract {
}
