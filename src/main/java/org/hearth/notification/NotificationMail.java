package org.hearth.notification;

import static org.hearth.notification.schema.Tables.NOTIFICATION_CHOICES;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.hearth.identity.Members;
import org.hearth.identity.SecretBox;
import org.hearth.platform.mail.Outbox;
import org.hearth.platform.web.PublicAddress;
import org.jooq.DSLContext;
import org.springframework.stereotype.Component;

/**
 * E-mail about notifications, queued in the fan-out's own transaction (so it is sent once, and
 * never about what was not told): one message when an unread notification starts, to members
 * who chose to hear of its kind at once and have a verified address, and have not paused
 * notifications; in the member's quiet hours it waits in the outbox until they end (in the
 * member's time zone, UTC when they chose none). Discreet unless the member
 * turned it off: the subject and the text say what kind of thing is new on Hearth and nothing
 * else, no community, condition, title or words of a post, so a lock screen or a shared inbox
 * shows nothing about anyone's health. Every message carries a one-click unsubscribe for its
 * kind alone (RFC 8058): an address that needs no signing in, holding the member's id and the
 * kind sealed with the site's key, so it cannot be made up for another member or another kind.
 */
@Component
class NotificationMail {

    private static final String PURPOSE = ":unsubscribe";

    private final DSLContext db;
    private final Members members;
    private final Outbox outbox;
    private final PublicAddress address;
    private final SecretBox box;
    private final OutsideHearth outside;

    NotificationMail(DSLContext db, Members members, Outbox outbox, PublicAddress address, SecretBox box, OutsideHearth outside) {
        this.outside = outside;
        this.db = db;
        this.members = members;
        this.outbox = outbox;
        this.address = address;
        this.box = box;
    }

    /** Queues a message to each of these members who hears of this kind at once. */
    void atOnce(NotificationKind kind, String communityId, Set<String> memberIds) {
        if (memberIds.isEmpty() || !kind.mailedHere()) {
            return;
        }
        Map<String, EmailChoice> chosen = new HashMap<>();
        db.select(NOTIFICATION_CHOICES.MEMBER_ID, NOTIFICATION_CHOICES.EMAIL).from(NOTIFICATION_CHOICES)
                .where(NOTIFICATION_CHOICES.KIND.eq(kind.name()), NOTIFICATION_CHOICES.MEMBER_ID.in(memberIds))
                .forEach(r -> chosen.put(r.value1(), EmailChoice.valueOf(r.value2())));
        Set<String> wanting = memberIds.stream().filter(id -> chosen.getOrDefault(id, kind.emailByDefault()) == EmailChoice.AT_ONCE)
                .collect(java.util.stream.Collectors.toSet());
        Map<String, String> emails = members.verifiedEmails(wanting);
        if (emails.isEmpty()) {
            return;
        }
        Map<String, OutsideHearth.Window> windows = outside.whoMayBeTold(emails.keySet());
        String community = outside.communityNameFor(communityId, windows);
        java.util.List<Outbox.Queued> queued = new java.util.ArrayList<>(windows.size());
        windows.forEach((memberId, window) -> {
            String where = !window.discreet() && community != null ? " in " + community : "";
            String subject = kind.words(1) + where + " on Hearth";
            String unsubscribe = unsubscribeAddress(memberId, kind);
            String body = kind.words(1) + where + " on Hearth.\n\n"
                    + "Read it: " + address.of("/me/notifications") + "\n\n"
                    + "You get this e-mail because you chose to hear of \"" + kind.label() + "\" at once.\n"
                    + "Stop e-mails of this kind (only this kind): " + unsubscribe + "\n"
                    + "Choose what you hear of, and how: " + address.of("/me/notifications/settings") + "\n";
            // in quiet hours it waits, in the outbox, until they end
            queued.add(new Outbox.Queued(Outbox.MAIL, emails.get(memberId), subject, body, memberId, unsubscribe, window.notBefore()));
        });
        outbox.queueAll(queued);
    }

    /** The address that stops this member's e-mails of this kind, with no sign-in. */
    String unsubscribeAddress(String memberId, NotificationKind kind) {
        return unsubscribeAddress(memberId, kind.name());
    }

    /** The address that stops this member's daily or weekly digest, with no sign-in. */
    String unsubscribeAddress(String memberId, EmailChoice digest) {
        return unsubscribeAddress(memberId, DIGEST + digest.name());
    }

    private String unsubscribeAddress(String memberId, String what) {
        String sealed = box.seal(what.getBytes(StandardCharsets.UTF_8), memberId + PURPOSE);
        String token = Base64.getUrlEncoder().withoutPadding().encodeToString(sealed.getBytes(StandardCharsets.US_ASCII));
        return address.of("/unsubscribe/" + memberId + "/" + token);
    }

    private static final String DIGEST = "digest:";

    /** What an unsubscribe address stops: a kind, or a digest. */
    sealed interface Stops {
        record Kind(NotificationKind kind) implements Stops {
        }

        record Digest(EmailChoice digest) implements Stops {
        }
    }

    /** What an unsubscribe token stops for this member; empty when it was not made for them (or altered). */
    Optional<Stops> stopsWhat(String memberId, String token) {
        if (token == null || token.length() > 300 || !org.hearth.platform.RandomId.looksValid(memberId)) {
            return Optional.empty();
        }
        try {
            String sealed = new String(Base64.getUrlDecoder().decode(token), StandardCharsets.US_ASCII);
            String what = new String(box.open(sealed, memberId + PURPOSE), StandardCharsets.UTF_8);
            return Optional.of(what.startsWith(DIGEST) ? new Stops.Digest(EmailChoice.valueOf(what.substring(DIGEST.length())))
                    : new Stops.Kind(NotificationKind.valueOf(what)));
        } catch (IllegalArgumentException | SecretBox.KeyMismatch e) {
            return Optional.empty();
        }
    }
}
