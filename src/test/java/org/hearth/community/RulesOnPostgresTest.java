package org.hearth.community;

import org.hearth.testing.OnPostgres;

@OnPostgres
class RulesOnPostgresTest extends RulesContract {
}
