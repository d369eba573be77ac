package org.hearth.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hearth.identity.schema.Tables.EMAIL_TOKENS;
import static org.hearth.identity.schema.Tables.LINK_REQUESTS;

import java.util.Map;
import org.hearth.platform.RandomId;
import org.hearth.platform.mail.Outbox;
import org.hearth.testing.HearthTest;
import org.hearth.testing.Visitor;
import org.jooq.DSLContext;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Asking for a link does the same work whether or not the account exists: the page writes the
 * request down and answers; the link is issued and mailed afterwards. The mail worker runs only
 * when the test says so here (its interval is an hour), so what the page alone did can be seen.
 */
abstract class LinkRequestsContract extends HearthTest {

    @Autowired
    DSLContext db;

    @Autowired
    EmailLinks links;

    @Autowired
    Outbox outbox;

    @Test
    void aKnownAndAnUnknownAccountAreAskedForInTheSameWayAndOnlyTheKnownOneGetsMailAfterwards() {
        String handle = unique("asks");
        String email = handle.toLowerCase() + "@example.org";
        var member = members.create(handle, PASSWORD, email, false);
        assertThat(members.markVerified(member.memberId(), email)).isTrue();
        String nobody = unique("nobody");
        links.answerRequests();

        Visitor visitor = visitor();
        visitor.get("/password/forgotten");
        String known = visitor.post("/password/forgotten", Map.of("account", handle)).document().select("main").text();
        String unknown = visitor.post("/password/forgotten", Map.of("account", nobody)).document().select("main").text();
        assertThat(known.replace(handle, "X")).isEqualTo(unknown.replace(nobody, "X"));
        visitor.get("/sign-in/link");
        var knownLink = visitor.post("/sign-in/link", Map.of("username", email));
        var unknownLink = visitor.post("/sign-in/link", Map.of("username", nobody + "@example.org"));
        assertThat(knownLink.location()).isEqualTo(unknownLink.location()).endsWith("/sign-in/link?sent");

        assertThat(db.select(LINK_REQUESTS.PURPOSE, LINK_REQUESTS.ASKED).from(LINK_REQUESTS).orderBy(LINK_REQUESTS.CREATED_AT)
                .fetch(r -> r.get(LINK_REQUESTS.PURPOSE) + " " + r.get(LINK_REQUESTS.ASKED)))
                .as("each request wrote one row, the same whoever was asked for")
                .containsExactlyInAnyOrder("RESET_PASSWORD " + handle, "RESET_PASSWORD " + nobody,
                        "SIGN_IN " + email, "SIGN_IN " + nobody + "@example.org");
        assertThat(db.fetchCount(EMAIL_TOKENS, EMAIL_TOKENS.MEMBER_ID.eq(member.memberId()))).as("no link issued yet").isZero();
        assertThat(outbox.addressedTo(email)).as("no mail written yet").isEmpty();

        links.answerRequests();
        assertThat(db.fetchCount(LINK_REQUESTS)).as("every request answered and forgotten").isZero();
        assertThat(outbox.addressedTo(email)).extracting(Outbox.Message::subject)
                .containsExactlyInAnyOrder("Reset your Hearth password", "Your Hearth sign-in link");
        assertThat(db.fetchCount(EMAIL_TOKENS, EMAIL_TOKENS.MEMBER_ID.eq(member.memberId()))).isEqualTo(2);
        assertThat(outbox.latest(50)).noneMatch(m -> m.recipient().startsWith(nobody.toLowerCase()));
    }

    @Test
    void aRequestOlderThanALinkLivesIsForgottenUnansweredAndOneThatFailsHoldsUpNoOther() {
        String handle = unique("late");
        String email = handle.toLowerCase() + "@example.org";
        var member = members.create(handle, PASSWORD, email, false);
        assertThat(members.markVerified(member.memberId(), email)).isTrue();
        links.answerRequests();
        long longAgo = System.currentTimeMillis() - java.time.Duration.ofHours(1).toMillis();
        db.insertInto(LINK_REQUESTS).set(LINK_REQUESTS.ID, RandomId.next()).set(LINK_REQUESTS.PURPOSE, "SIGN_IN")
                .set(LINK_REQUESTS.ASKED, email).set(LINK_REQUESTS.CREATED_AT, longAgo).execute();
        // requests that fail every time (a purpose this worker refuses), at the head of the queue
        for (int i = 0; i < 60; i++) {
            db.insertInto(LINK_REQUESTS).set(LINK_REQUESTS.ID, RandomId.next()).set(LINK_REQUESTS.PURPOSE, "VERIFY_EMAIL")
                    .set(LINK_REQUESTS.ASKED, "x").set(LINK_REQUESTS.CREATED_AT, System.currentTimeMillis() - 60_000 + i).execute();
        }
        Visitor visitor = visitor();
        visitor.get("/password/forgotten");
        visitor.post("/password/forgotten", Map.of("account", handle));

        links.answerRequests();
        assertThat(outbox.addressedTo(email)).extracting(Outbox.Message::subject)
                .as("the late request was dropped; the fresh one answered behind sixty that fail")
                .containsExactly("Reset your Hearth password");
        assertThat(db.fetchCount(LINK_REQUESTS, LINK_REQUESTS.ASKED.eq(email))).isZero();
        db.deleteFrom(LINK_REQUESTS).where(LINK_REQUESTS.PURPOSE.eq("VERIFY_EMAIL")).execute();
    }
}
