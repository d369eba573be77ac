package org.hearth.identity;

import org.hearth.testing.OnPostgres;

@OnPostgres
class MemberDataOnPostgresTest extends MemberDataContract {
}
