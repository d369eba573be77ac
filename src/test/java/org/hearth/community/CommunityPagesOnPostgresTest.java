package org.hearth.community;

import org.hearth.testing.OnPostgres;

@OnPostgres
class CommunityPagesOnPostgresTest extends CommunityPagesContract {
}
