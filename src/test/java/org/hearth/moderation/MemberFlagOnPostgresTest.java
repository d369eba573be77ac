package org.hearth.moderation;

import org.hearth.testing.OnPostgres;

@OnPostgres
class MemberFlagOnPostgresTest extends MemberFlagContract {
}
