package org.hearth.moderation;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.hearth.community.JoinPolicy;
import org.hearth.community.Visibility;
import org.hearth.conversation.Draft;
import org.hearth.conversation.TopicKind;
import org.hearth.platform.security.Viewer;
import org.hearth.testing.HearthTest;
import org.hearth.testing.Visitor;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Site staff: a community whose moderators are away has its flagged posts shown to site
 * administrators, and only then; an administrator suspends an account site-wide, and it cannot
 * sign in until the suspension ends or is lifted. The refusals first.
 */
abstract class SiteStaffContract extends HearthTest {

    @Autowired
    FlagPost flagPost;

    @Autowired
    ClaimReview claimReview;

    @Autowired
    SuspendAccount suspendAccount;

    private Viewer admin() {
        return members.create(unique("admin"), PASSWORD, null, true);
    }

    @Test
    void onlyAnAdministratorSuspendsAndNeverThemselvesNorAnotherAdministrator() {
        Viewer member = account(unique("member"));
        Viewer spammer = account(unique("spammer"));
        var refused = moderating(member).post("/admin/suspensions", Map.of("handle", spammer.handle(), "days", "3", "reason", "spam"));
        assertThat(refused.status()).isIn(302, 403, 404);
        assertThat(suspendAccount.run(new SuspendAccount.Input(withSecondFactor(member), spammer.handle(), 3, "spam", false)))
                .isInstanceOf(SuspendAccount.Outcome.NotFound.class);

        Viewer admin = admin();
        Viewer other = admin();
        assertThat(suspendAccount.run(new SuspendAccount.Input(admin, spammer.handle(), 3, "spam", false)))
                .as("without a second factor").isInstanceOf(SuspendAccount.Outcome.SecondFactorNeeded.class);
        assertThat(suspendAccount.run(new SuspendAccount.Input(withSecondFactor(admin), admin.handle(), 3, "me", false)))
                .isInstanceOf(SuspendAccount.Outcome.OwnAccount.class);
        assertThat(suspendAccount.run(new SuspendAccount.Input(withSecondFactor(admin), other.handle(), 3, "rival", false)))
                .isInstanceOf(SuspendAccount.Outcome.AnAdministrator.class);
        assertThat(suspendAccount.run(new SuspendAccount.Input(withSecondFactor(admin), "no-such-" + unique("h"), 3, "x", false)))
                .isInstanceOf(SuspendAccount.Outcome.NoSuchAccount.class);

        Visitor adminBrowser = moderating(admin);
        var noReason = adminBrowser.submit("/admin/suspensions", Map.of("handle", spammer.handle(), "days", "3", "reason", " "));
        assertThat(noReason.document().select("#reason-error").text()).contains("Write the reason");
        assertThat(noReason.document().select("input#handle").val()).as("what they typed is kept").isEqualTo(spammer.handle());
        var noDays = adminBrowser.submit("/admin/suspensions", Map.of("handle", spammer.handle(), "days", "many", "reason", "spam"));
        assertThat(noDays.document().select("#days-error").text()).contains("from 1 to");
        assertThat(members.suspendedUntil(spammer.memberId())).isEmpty();
    }

    @Test
    void aSuspendedAccountLosesItsSessionsCannotSignInAndCanAgainOnceLifted() {
        Viewer spammer = account(unique("spammer"));
        Visitor spammerBrowser = signedIn(spammer);
        Visitor adminBrowser = moderating(admin());
        var done = adminBrowser.submit("/admin/suspensions",
                Map.of("handle", spammer.handle(), "days", "30", "reason", "Advertising pills in every community."));
        assertThat(done.text()).contains(spammer.handle() + " is suspended until").contains("Advertising pills in every community.");
        assertThat(spammerBrowser.get("/me/profile").status()).as("their session ended").isEqualTo(302);

        Visitor guesser = visitor();
        guesser.get("/sign-in");
        var guessed = guesser.submit("/sign-in", Map.of("handle", spammer.handle(), "password", "not the password at all"));
        assertThat(guessed.text()).as("without the password, nothing about a suspension").contains("do not match an account")
                .doesNotContain("suspended");
        Visitor again = visitor();
        again.get("/sign-in");
        var refused = again.submit("/sign-in", Map.of("handle", spammer.handle(), "password", PASSWORD));
        assertThat(refused.status()).isEqualTo(401);
        assertThat(refused.text()).contains("This account is suspended until");
        assertThat(again.get("/me/profile").status()).isEqualTo(302);

        var lifted = adminBrowser.submit("/admin/suspensions", Map.of("handle", spammer.handle(), "days", "", "reason", "Cleared up.", "lift", "true"));
        assertThat(lifted.text()).contains("The suspension of " + spammer.handle() + " is lifted").contains("Lifted the suspension of");
        assertThat(signedIn(spammer).get("/me/profile").status()).isEqualTo(200);
    }

    @Test
    void aCommunityWhoseModeratorsAreAwayHasItsFlaggedPostsShownToAdministratorsAndOnlyThen() {
        Viewer owner = account(unique("own"));
        String slug = community(owner, Visibility.MEMBERS_ONLY, JoinPolicy.OPEN, false);
        Viewer author = account(unique("author"));
        join(slug, author);
        Viewer reader = account(unique("reader"));
        join(slug, reader);
        String topicId = started(access(slug, author), author, new Draft(TopicKind.QUESTION, "title-" + slug, "opening-" + slug, null, false));
        String replyId = replied(access(slug, author), author, topicId, new Draft(null, null, "away-reply-" + slug, null, false)).postId();
        assertThat(flagPost.run(new FlagPost.Input(access(slug, reader), reader, replyId, "SPAM", null))).isInstanceOf(FlagPost.Outcome.Flagged.class);

        // the owner never visited: the site steps in
        Viewer admin = admin();
        Visitor adminBrowser = moderating(admin);
        assertThat(adminBrowser.get("/admin/review").text()).contains("Community " + slug).contains("1 flagged item waits");
        var queue = adminBrowser.get("/c/" + slug + "/review");
        assertThat(queue.text()).contains("as a site administrator").contains("away-reply-" + slug);
        adminBrowser.submit("/c/" + slug + "/review/" + replyId + "/claim", Map.of());
        var decided = adminBrowser.submit("/c/" + slug + "/review/" + replyId + "/decide",
                Map.of("action", "HIDE", "reason", "An advert.", "ruleNumber", "", "days", ""));
        assertThat(decided.text()).contains("Done");
        assertThat(signedIn(reader).get("/c/" + slug + "/log").text()).contains("A site administrator").contains("Hid a post")
                .doesNotContain(admin.handle());

        // once a moderator visits, the flagged posts are theirs again
        String second = replied(access(slug, author), author, topicId, new Draft(null, null, "second-" + slug, null, false)).postId();
        assertThat(flagPost.run(new FlagPost.Input(access(slug, reader), reader, second, "SPAM", null))).isInstanceOf(FlagPost.Outcome.Flagged.class);
        assertThat(signedIn(owner).get("/c/" + slug).status()).isEqualTo(200);
        assertThat(adminBrowser.get("/admin/review").text()).doesNotContain("Community " + slug);
        assertThat(adminBrowser.get("/c/" + slug + "/review").text()).contains("moderators are active").doesNotContain("second-" + slug);
        assertThat(claimReview.run(new ClaimReview.Input(slug, withSecondFactor(admin), second)))
                .isInstanceOf(ClaimReview.Outcome.NotFound.class);
        assertThat(signedIn(reader).get("/c/" + slug + "/review").status()).as("a member still gets nothing").isEqualTo(404);
    }
}
