package org.hearth.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import java.util.ArrayList;
import java.util.List;
import org.hearth.community.JoinPolicy;
import org.hearth.community.Visibility;
import org.hearth.conversation.Conversations;
import org.hearth.conversation.Draft;
import org.hearth.conversation.TopicKind;
import org.hearth.moderation.FlagPost;
import org.hearth.platform.security.Viewer;
import org.hearth.testing.Authenticator;
import org.hearth.testing.OnSqlite;
import org.hearth.trust.SetTrustLevel;
import org.hearth.trust.TrustLevel;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** A flag hides a post, a moderator keeps it from the queue, and its author is told: in a browser. */
@OnSqlite
class ModerationInBrowserTest extends BrowserTest {

    @Autowired
    FlagPost flagPost;

    @Autowired
    SetTrustLevel setTrustLevel;

    @Test
    void aFlaggedPostIsHiddenReviewedKeptAndItsAuthorTold() {
        Viewer owner = account(unique("owner"));
        String slug = community(owner, Visibility.PUBLIC, JoinPolicy.OPEN, false);
        Authenticator authenticator = Authenticator.enrol(signedIn(owner), PASSWORD);
        Viewer author = account(unique("author"));
        join(slug, author);
        String topicId = started(access(slug, author), author, new Draft(TopicKind.QUESTION, "Which pill box do you use?",
                "I keep forgetting the evening dose.", null, false));
        Conversations.Location reply = replied(access(slug, author), author, topicId,
                new Draft(null, null, "Buy the GoldPill box at our shop, 50 % off today!", null, false));
        // members the moderators hold at the Basic level: each flag weighs 2 points, four reach the threshold of 8
        for (int i = 0; i < 3; i++) {
            Viewer reader = account(unique("reader"));
            join(slug, reader);
            basic(slug, owner, reader);
            flagPost.run(new FlagPost.Input(access(slug, reader), reader, reply.postId(), "SPAM", null));
        }
        Viewer fourth = account(unique("reader"));
        join(slug, fourth);
        basic(slug, owner, fourth);

        // the fourth flag reaches the threshold: the post is hidden for everyone but its author and moderators
        Page reader = context().newPage();
        signIn(reader, fourth.handle());
        reader.navigate("/c/" + slug + "/t/" + topicId);
        reader.locator("#p-" + reply.postId()).getByRole(AriaRole.LINK, new com.microsoft.playwright.Locator.GetByRoleOptions()
                .setName("Flag for the moderators")).click();
        reader.getByLabel("Spam or advertising").check();
        reader.getByLabel("Anything the moderators should know").fill("Selling things in every topic.");
        screenshots(reader, "flag-form");
        List<String> violations = new ArrayList<>(axe(reader));
        reader.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Send the flag")).click();
        assertThat(reader.locator(".notice")).containsText("hidden while the moderators review it");
        assertThat(reader.locator("#p-" + reply.postId())).containsText("This post is hidden while moderators review it");
        assertThat(reader.locator("#p-" + reply.postId())).not().containsText("GoldPill");
        screenshots(reader, "flag-hidden-post");

        // the moderator signs in with a second factor, claims it and keeps it
        Page moderator = context().newPage();
        signInWithSecondFactor(moderator, owner.handle(), authenticator);
        moderator.navigate("/c/" + slug);
        moderator.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Review queue")).click();
        assertThat(moderator.locator("#r-" + reply.postId())).containsText("Score 8");
        assertThat(moderator.locator("#r-" + reply.postId())).containsText("Selling things in every topic.");
        moderator.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Claim it")).click();
        assertThat(moderator.locator("#r-" + reply.postId())).containsText("You claimed it.");
        screenshots(moderator, "review-queue");
        violations.addAll(axe(moderator));
        moderator.getByLabel("Keep: the flags were wrong; show the post again").check();
        moderator.getByLabel("Reason").fill("Links to shops are allowed when someone asks where to buy.");
        moderator.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Decide")).click();
        assertThat(moderator.locator(".notice")).containsText("the post is shown again");

        reader.reload();
        assertThat(reader.locator("#p-" + reply.postId())).containsText("GoldPill");

        // the author is told, with the reason
        Page writer = context().newPage();
        signIn(writer, author.handle());
        writer.navigate("/me/decisions");
        assertThat(writer.locator(".decisions")).containsText("Your post was kept");
        assertThat(writer.locator(".decisions")).containsText("Links to shops are allowed when someone asks where to buy.");
        screenshots(writer, "decisions");
        violations.addAll(axe(writer));
        org.assertj.core.api.Assertions.assertThat(violations).as("serious or critical axe-core violations").isEmpty();
    }

    @Test
    void anAppealIsUpheldByASecondModeratorAndThePostComesBack() {
        Viewer owner = account(unique("owner"));
        String slug = community(owner, Visibility.PUBLIC, JoinPolicy.OPEN, false);
        Viewer second = account(unique("second"));
        join(slug, second);
        changeRole(slug, owner, second.memberId(), org.hearth.community.Role.MODERATOR);
        Authenticator secondsAuthenticator = Authenticator.enrol(signedIn(second), PASSWORD);
        Viewer author = account(unique("author"));
        join(slug, author);
        String topicId = started(access(slug, author), author, new Draft(TopicKind.QUESTION, "Pump or pen?",
                "Which did you find easier at work?", null, false));
        Conversations.Location reply = replied(access(slug, author), author, topicId,
                new Draft(null, null, "The Omni pump changed my working day: no more injections in the toilets.", null, false));
        // the owner takes it for an advert: their own flag hides it, and they remove it
        flagPost.run(new FlagPost.Input(access(slug, owner), owner, reply.postId(), "SPAM", null));
        org.assertj.core.api.Assertions.assertThat(decideReview.run(new org.hearth.moderation.DecideReview.Input(slug, withSecondFactor(owner),
                reply.postId(), org.hearth.moderation.ModerationAction.REMOVE, "Brand names read as advertising here.", 4, null)))
                .isInstanceOf(org.hearth.moderation.DecideReview.Outcome.Decided.class);

        // the author appeals from their decisions page
        Page writer = context().newPage();
        signIn(writer, author.handle());
        writer.navigate("/me/decisions");
        assertThat(writer.locator(".decisions")).containsText("Your post was removed");
        writer.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Appeal this decision")).click();
        writer.getByLabel("Your appeal").fill("I was sharing my experience of a pump, not selling it. I have nothing to do with the maker.");
        screenshots(writer, "appeal-form");
        List<String> violations = new ArrayList<>(axe(writer));
        writer.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Send the appeal")).click();
        assertThat(writer.locator(".notice").first()).containsText("Your appeal is sent");

        // the second moderator decides it, with a reason
        Page moderator = context().newPage();
        signInWithSecondFactor(moderator, second.handle(), secondsAuthenticator);
        moderator.navigate("/c/" + slug + "/review");
        assertThat(moderator.locator(".appeal")).containsText("I was sharing my experience of a pump");
        assertThat(moderator.locator(".appeal")).containsText("Brand names read as advertising here.");
        moderator.getByLabel("Uphold the appeal and undo the action").check();
        moderator.getByLabel("Reason").fill("Sharing which device worked for you is what this community is for.");
        screenshots(moderator, "appeal-queue");
        violations.addAll(axe(moderator));
        moderator.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Decide the appeal")).click();
        assertThat(moderator.locator(".notice")).containsText("the appeal is upheld and the action undone");

        // the post is back for everyone, and the author reads why
        Page reader = context().newPage();
        reader.navigate("/c/" + slug + "/t/" + topicId);
        assertThat(reader.locator("#p-" + reply.postId())).containsText("The Omni pump changed my working day");
        writer.navigate("/me/decisions");
        assertThat(writer.locator(".decisions")).containsText("Your appeal was upheld");
        assertThat(writer.locator(".decisions")).containsText("Sharing which device worked for you is what this community is for.");
        screenshots(writer, "appeal-upheld");
        violations.addAll(axe(writer));
        reader.navigate("/c/" + slug + "/log");
        assertThat(reader.locator(".log")).containsText("Upheld a member's appeal");
        org.assertj.core.api.Assertions.assertThat(violations).as("serious or critical axe-core violations").isEmpty();
    }

    @Autowired
    org.hearth.moderation.DecideReview decideReview;

    @Autowired
    org.hearth.community.ChangeCommunitySettings changeSettings;

    @Test
    void heldPostsAndSiteModerationReadWellOnAPhoneAndALaptop() {
        Viewer owner = account(unique("owner"));
        String slug = community(owner, Visibility.PUBLIC, JoinPolicy.OPEN, false);
        var now = org.hearth.community.ChangeCommunitySettings.Settings.of(access(slug, owner).community());
        changeSettings.run(new org.hearth.community.ChangeCommunitySettings.Input(slug, withSecondFactor(owner), now.holding(true), false));
        Authenticator ownersAuthenticator = Authenticator.enrol(signedIn(owner), PASSWORD);
        String topicId = started(access(slug, owner), owner, new Draft(TopicKind.QUESTION, "Starting insulin: what helped?",
                "Tell us what made the first weeks easier.", null, false));
        Viewer newcomer = account(unique("newcomer"));
        join(slug, newcomer);
        replied(access(slug, newcomer), newcomer, topicId, new Draft(null, null, "Writing every dose in a notebook helped me a lot.", null, false));

        Page moderator = context().newPage();
        signInWithSecondFactor(moderator, owner.handle(), ownersAuthenticator);
        moderator.navigate("/c/" + slug + "/review");
        assertThat(moderator.locator(".held")).containsText("Writing every dose in a notebook");
        screenshots(moderator, "held-queue");
        List<String> violations = new ArrayList<>(axe(moderator));
        moderator.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Let it through")).click();
        assertThat(moderator.locator(".notice")).containsText("Let through");

        Viewer admin = members.create(unique("admin"), PASSWORD, null, true);
        Authenticator adminsAuthenticator = Authenticator.enrol(signedIn(admin), PASSWORD);
        Page site = context().newPage();
        signInWithSecondFactor(site, admin.handle(), adminsAuthenticator);
        site.navigate("/admin/review");
        site.getByLabel("Handle").fill(newcomer.handle());
        site.getByLabel("For how many days").fill("7");
        site.getByLabel("Reason").fill("The same advert in five communities within an hour.");
        site.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Suspend the account")).click();
        assertThat(site.locator(".notice")).containsText("is suspended until");
        assertThat(site.locator(".log")).containsText("The same advert in five communities within an hour.");
        screenshots(site, "site-moderation");
        violations.addAll(axe(site));
        org.assertj.core.api.Assertions.assertThat(violations).as("serious or critical axe-core violations").isEmpty();
    }

    @Test
    void aMemberFlaggedAsAPersonIsOpenedByAModeratorAndWarned() {
        Viewer owner = account(unique("owner"));
        String slug = community(owner, Visibility.PUBLIC, JoinPolicy.OPEN, false);
        Authenticator authenticator = Authenticator.enrol(signedIn(owner), PASSWORD);
        Viewer recruiter = account(unique("recruiter"));
        join(slug, recruiter);
        String topicId = started(access(slug, owner), owner, new Draft(TopicKind.QUESTION, "Side effects of the new tablets?",
                "What did you notice in the first month?", null, false));
        Conversations.Location reply = replied(access(slug, recruiter), recruiter, topicId,
                new Draft(null, null, "Nothing much. By the way, message me about a paid study.", null, false));
        Viewer worried = account(unique("worried"));
        join(slug, worried);

        Page reader = context().newPage();
        signIn(reader, worried.handle());
        reader.navigate("/c/" + slug + "/p/" + reply.postId() + "/flag");
        reader.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Flag the member who wrote it")).click();
        reader.getByLabel("Spam or advertising").check();
        reader.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Send the flag")).click();
        assertThat(reader.locator("#comment-error")).containsText("Say in a few words what they do");
        reader.getByLabel("What the moderators should know").fill("Asks members in every topic to join a paid study by private message.");
        screenshots(reader, "flag-member-form");
        List<String> violations = new ArrayList<>(axe(reader));
        reader.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Send the flag")).click();
        assertThat(reader.locator(".notice")).containsText("Nothing changes for the member until they decide");

        Page moderator = context().newPage();
        signInWithSecondFactor(moderator, owner.handle(), authenticator);
        moderator.navigate("/c/" + slug + "/review");
        assertThat(moderator.locator("#m-" + recruiter.memberId())).containsText("flagged 1 time");
        assertThat(moderator.locator("#m-" + recruiter.memberId())).not().containsText(recruiter.handle());
        screenshots(moderator, "members-flagged-queue");
        moderator.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Open the flags")).click();
        assertThat(moderator.locator("h1")).containsText(recruiter.handle());
        assertThat(moderator.locator(".flags")).containsText("paid study by private message");
        moderator.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Claim it")).click();
        moderator.getByLabel("Warn them").check();
        moderator.getByLabel("Reason").fill("Recruiting for studies needs the community's approval first (rule 4).");
        screenshots(moderator, "member-review");
        violations.addAll(axe(moderator));
        moderator.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Decide")).click();
        assertThat(moderator.locator(".notice")).containsText("they are warned");

        Page flagged = context().newPage();
        signIn(flagged, recruiter.handle());
        flagged.navigate("/me/decisions");
        assertThat(flagged.locator(".decisions")).containsText("You were warned");
        assertThat(flagged.locator(".decisions")).not().containsText(worried.handle());
        flagged.navigate("/me/staff-access");
        assertThat(flagged.locator("main")).containsText("a flag about you");
        screenshots(flagged, "staff-saw-a-flag");
        violations.addAll(axe(flagged));
        org.assertj.core.api.Assertions.assertThat(violations).as("serious or critical axe-core violations").isEmpty();
    }

    private void basic(String slug, Viewer owner, Viewer member) {
        org.assertj.core.api.Assertions.assertThat(setTrustLevel.run(new SetTrustLevel.Input(slug, withSecondFactor(owner), member.memberId(), TrustLevel.BASIC,
                null, "Known to the community"))).isInstanceOf(SetTrustLevel.Outcome.Set.class);
    }
}
