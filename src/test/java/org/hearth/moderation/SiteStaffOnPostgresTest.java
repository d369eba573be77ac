package org.hearth.moderation;

import org.hearth.testing.OnPostgres;

@OnPostgres
class SiteStaffOnPostgresTest extends SiteStaffContract {
}
