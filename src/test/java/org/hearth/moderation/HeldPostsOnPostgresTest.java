package org.hearth.moderation;

import org.hearth.testing.OnPostgres;

@OnPostgres
class HeldPostsOnPostgresTest extends HeldPostsContract {
}
