package org.hearth.conversation;

import org.hearth.testing.OnPostgres;

@OnPostgres
class ConversationOnPostgresTest extends ConversationContract {
}
