package org.hearth.moderation;

import org.hearth.platform.web.When;
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

    /** Tells a member that a flag they raised was settled; what became of it is on their page of flags. */
    void tellFlagger(String memberId) {
        members.verifiedEmail(memberId).ifPresent(email -> outbox.queue(email, SUBJECT,
                "Hello,\n\nA flag you raised on Hearth was looked at. You can read what became of it once signed in:\n\n"
                        + address.of("/me/flags") + "\n\nThis message was sent because your address is verified on Hearth.\n",
                memberId));
    }

    /**
     * Tells a member their account was suspended site-wide until a time (or that it was lifted,
     * with null), with the administrator's reason: they cannot sign in to read it on Hearth.
     */
    void tellSuspended(String memberId, Long until, String reason) {
        String what = until == null
                ? "The site's administrators lifted the suspension of your Hearth account: you can sign in again."
                : "The site's administrators suspended your Hearth account until " + When.readable(until)
                        + ". Until then it cannot sign in.";
        members.verifiedEmail(memberId).ifPresent(email -> outbox.queue(email, SUBJECT,
                "Hello,\n\n" + what + "\n\nThe reason they gave:\n\n" + reason + "\n\nYou can sign in at " + address.of("/sign-in")
                        + (until == null ? "" : " once it ends") + ".\n\nThis message was sent because your address is verified on Hearth.\n",
                memberId));
    }
}
