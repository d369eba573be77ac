package org.hearth.clinician;

import org.hearth.identity.Members;
import org.hearth.platform.mail.Outbox;
import org.hearth.platform.web.PublicAddress;
import org.hearth.platform.web.When;
import org.springframework.stereotype.Component;

/**
 * Tells an applicant by e-mail, when their address is verified, that their application was
 * decided or their approval revoked, and a verified clinician that their approval ends soon.
 * The decision and its reason are on their page, read once signed in.
 */
@Component
class ClinicianNotices {

    static final String SUBJECT = "A message about your Hearth account";

    private final Members members;
    private final Outbox outbox;
    private final PublicAddress address;

    ClinicianNotices(Members members, Outbox outbox, PublicAddress address) {
        this.members = members;
        this.outbox = outbox;
        this.address = address;
    }

    void decided(String memberId) {
        tell(memberId, "A reviewer decided about your application as a clinician. You can read the decision, with the reason, once signed in:");
    }

    void endsSoon(String memberId, long until) {
        tell(memberId, "Your verification as a clinician ends on " + When.readable(until)
                + ". To keep your badge, apply again before then, once signed in:");
    }

    private void tell(String memberId, String what) {
        members.verifiedEmail(memberId).ifPresent(email -> outbox.queue(email, SUBJECT,
                "Hello,\n\n" + what + "\n\n" + address.of("/me/clinician")
                        + "\n\nThis message was sent because your address is verified on Hearth.\n", memberId));
    }
}
