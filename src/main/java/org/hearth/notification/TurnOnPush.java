package org.hearth.notification;

import static org.hearth.notification.schema.Tables.PUSH_SUBSCRIPTIONS;

import java.time.Clock;
import java.util.Objects;
import org.hearth.identity.SecretBox;
import org.hearth.platform.RandomId;
import org.hearth.platform.security.SignIn;
import org.hearth.platform.security.Viewer;
import org.jooq.DSLContext;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A member asks to be notified on this browser (web push): the browser's subscription is kept,
 * sealed. The same browser asking again (new keys, or another member now signed in on a shared
 * device) replaces what was kept for it: a browser notifies one member, the last who asked.
 */
@Service
public class TurnOnPush {

    /** Browsers a member may have at once; more is someone else's doing, not a member's phones. */
    static final int MOST_BROWSERS = 10;

    /**
     * @param endpoint, p256dh, auth what the browser's {@code PushSubscription.toJSON()} gave
     * @param userAgent the browser's own words, to name it in the member's list
     */
    public record Input(Viewer member, String endpoint, String p256dh, String auth, String userAgent) {
        public Input {
            Objects.requireNonNull(member, "only a signed-in member turns push on");
        }
    }

    public sealed interface Outcome {
        /** @param browser what the member's list calls it */
        record TurnedOn(String browser) implements Outcome {
        }

        /** Not a push subscription's address and keys (an old browser, or made up). */
        record NotUnderstood() implements Outcome {
        }

        /** The browser's push service is not one this site sends to ({@code hearth.push.services}). */
        record PushServiceNotAllowed() implements Outcome {
        }

        record TooManyBrowsers(int most) implements Outcome {
        }
    }

    private final DSLContext db;
    private final SecretBox box;
    private final PushServices services;
    private final Clock clock;

    TurnOnPush(DSLContext db, SecretBox box, PushServices services, Clock clock) {
        this.db = db;
        this.box = box;
        this.services = services;
        this.clock = clock;
    }

    @Transactional
    public Outcome run(Input input) {
        var address = PushAddress.of(input.endpoint(), input.p256dh(), input.auth());
        if (address.isEmpty()) {
            return new Outcome.NotUnderstood();
        }
        if (!services.allow(address.get().endpoint())) {
            return new Outcome.PushServiceNotAllowed();
        }
        String memberId = input.member().memberId();
        String digest = address.get().digest();
        if (db.fetchCount(PUSH_SUBSCRIPTIONS, PUSH_SUBSCRIPTIONS.MEMBER_ID.eq(memberId), PUSH_SUBSCRIPTIONS.ENDPOINT_HASH.ne(digest))
                >= MOST_BROWSERS) {
            return new Outcome.TooManyBrowsers(MOST_BROWSERS);
        }
        // the same browser again, for this member or another: what was kept for it goes
        db.deleteFrom(PUSH_SUBSCRIPTIONS).where(PUSH_SUBSCRIPTIONS.ENDPOINT_HASH.eq(digest)).execute();
        String id = RandomId.next();
        String browser = SignIn.deviceOf(input.userAgent());
        db.insertInto(PUSH_SUBSCRIPTIONS).set(PUSH_SUBSCRIPTIONS.ID, id).set(PUSH_SUBSCRIPTIONS.MEMBER_ID, memberId)
                .set(PUSH_SUBSCRIPTIONS.ENDPOINT_HASH, digest).set(PUSH_SUBSCRIPTIONS.SEALED, address.get().sealFor(box, id))
                .set(PUSH_SUBSCRIPTIONS.BROWSER, browser.length() > 60 ? browser.substring(0, 60) : browser)
                .set(PUSH_SUBSCRIPTIONS.CREATED_AT, clock.millis()).execute();
        return new Outcome.TurnedOn(browser);
    }
}
