package org.hearth.moderation;

import org.hearth.identity.Members;
import org.hearth.platform.mail.Outbox;
import org.hearth.platform.web.PublicAddress;
import org.springframework.stereotype.Component;

/**
 * Tells a member by e-mail that a moderator decided something about them, when they have a
 * verified address. Discreet on purpose: a shared inbox or a lock screen shows neither the
 * community (its condition) nor what was written; the decision itself is on their decisions page.
 */
@Component
class DecisionNotices {

    static final String SUBJECT = "A message about your Hearth account";

    private final Members members;
    private final Outbox outbox;
    private final PublicAddress address;

    DecisionNotices(Members members, Outbox outbox, PublicAddress address) {
        this.members = members;
        this.outbox = outbox;
        this.address = address;
    }

    void tell(String memberId) {
        members.verifiedEmail(memberId).ifPresent(email -> outbox.queue(email, SUBJECT,
                "Hello,\n\nA moderator made a decision that concerns you. You can read it, with the reason, once signed in:\n\n"
                        + address.of("/me/decisions") + "\n\nThis message was sent because your address is verified on Hearth.\n",
                memberId));
    }
}
