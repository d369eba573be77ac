package org.hearth.community;

import static org.assertj.core.api.Assertions.assertThat;

import org.hearth.community.ChangeCommunitySettings.Outcome;
import org.hearth.community.ChangeCommunitySettings.Settings;
import org.hearth.conversation.DeletePost;
import org.hearth.conversation.Draft;
import org.hearth.conversation.TopicKind;
import org.hearth.platform.security.Viewer;
import org.hearth.testing.UseCaseContract;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * An owner changes a community's settings: each refusal changes nothing and tells no one;
 * narrowing applies at once; opening up is refused once someone else wrote and confirmed first
 * otherwise.
 */
abstract class CommunitySettingsContract extends UseCaseContract {

    @Autowired
    private ChangeCommunitySettings changeSettings;

    @Autowired
    private DeletePost deletePost;

    @Test
    void aPlainMemberCannotEvenFindTheSettings() {
        Viewer owner = account(unique("own"));
        String slug = community(owner, Visibility.MEMBERS_ONLY, JoinPolicy.OPEN, false);
        Viewer member = account(unique("m"));
        join(slug, member);
        Community before = access(slug, owner).community();
        var outcome = act(() -> change(slug, withSecondFactor(member), renamed(before, "Taken over"), true));
        assertThat(outcome).isInstanceOf(Outcome.NotFound.class);
        assertThat(published()).isEmpty();
        assertThat(access(slug, owner).community()).isEqualTo(before);
    }

    @Test
    void anOwnerWithoutASecondFactorChangesNothing() {
        Viewer owner = account(unique("own"));
        String slug = community(owner, Visibility.MEMBERS_ONLY, JoinPolicy.OPEN, false);
        Community before = access(slug, owner).community();
        var outcome = act(() -> change(slug, owner, renamed(before, "New name"), false));
        assertThat(outcome).isInstanceOf(Outcome.SecondFactorNeeded.class);
        assertThat(published()).isEmpty();
        assertThat(access(slug, owner).community()).isEqualTo(before);
    }

    @Test
    void aModeratorIsNotAnOwner() {
        Viewer owner = account(unique("own"));
        String slug = community(owner, Visibility.MEMBERS_ONLY, JoinPolicy.APPROVAL, false);
        Viewer moderator = account(unique("mod"));
        admit(owner, slug, moderator);
        changeRole(slug, owner, moderator.memberId(), Role.MODERATOR);
        Community before = access(slug, owner).community();
        var outcome = act(() -> change(slug, withSecondFactor(moderator), renamed(before, "Mine now"), false));
        assertThat(outcome).isInstanceOf(Outcome.NotAnOwner.class);
        assertThat(published()).isEmpty();
        assertThat(access(slug, owner).community()).isEqualTo(before);
    }

    @Test
    void whatCannotBeSavedIsNamedFieldByField() {
        Viewer owner = account(unique("own"));
        String slug = community(owner, Visibility.MEMBERS_ONLY, JoinPolicy.OPEN, false);
        Community before = access(slug, owner).community();
        var typed = new Settings("   ", "x".repeat(2001), "Lupus", null, null, true, 8);
        var outcome = act(() -> change(slug, withSecondFactor(owner), typed, true));
        assertThat(outcome).isInstanceOfSatisfying(Outcome.Invalid.class, invalid -> assertThat(invalid.problems())
                .containsOnlyKeys("name", "description", "visibility", "joinPolicy")
                .containsEntry("name", "Give the community a name.")
                .containsEntry("description", "Keep the description under 2000 characters."));
        assertThat(published()).isEmpty();
        assertThat(access(slug, owner).community()).isEqualTo(before);
    }

    @Test
    void narrowingAppliesAtOnceToEverythingAndKeepsTheAddress() {
        Viewer owner = account(unique("own"));
        String slug = community(owner, Visibility.PUBLIC, JoinPolicy.OPEN, false);
        Viewer member = account(unique("m"));
        join(slug, member);
        String topic = started(access(slug, member), member, draft("Before the change", false));
        Community before = access(slug, owner).community();
        var narrower = new Settings(" Quieter room ", "Only for us", "Lupus", Visibility.MEMBERS_ONLY, JoinPolicy.INVITATION, true, 8);

        var outcome = act(() -> change(slug, withSecondFactor(owner), narrower, false));

        Community after = new Community(before.id(), slug, "Quieter room", "Only for us", "Lupus",
                Visibility.MEMBERS_ONLY, JoinPolicy.INVITATION, true, 8);
        assertThat(outcome).isEqualTo(new Outcome.Changed(after));
        assertThat(published()).containsExactly(new CommunitySettingsChanged(before.id(), owner.memberId(), before, after));
        assertThat(access(slug, owner).community()).isEqualTo(after);
        assertThat(communities.visibleTo(slug, null).map(Access::canRead)).as("a passer-by reads no more").contains(false);
        assertThat(access(slug, account(unique("out"))).canJoin()).isFalse();
        assertThat(access(slug, member).canRead()).as("members still read " + topic).isTrue();
    }

    @Test
    void openingUpIsRefusedOnceAnotherMemberHasWritten() {
        Viewer owner = account(unique("own"));
        String slug = community(owner, Visibility.MEMBERS_ONLY, JoinPolicy.APPROVAL, false);
        Viewer member = account(unique("m"));
        admit(owner, slug, member);
        started(access(slug, owner), owner, draft("The owner's welcome", false));
        started(access(slug, member), member, draft("Something private", false));
        Community before = access(slug, owner).community();

        for (var wider : new Settings[] {
                with(before, Visibility.PUBLIC, JoinPolicy.APPROVAL),
                with(before, Visibility.MEMBERS_ONLY, JoinPolicy.OPEN),
                // narrower in one way does not excuse wider in the other
                with(before, Visibility.HIDDEN, JoinPolicy.OPEN)}) {
            var outcome = act(() -> change(slug, withSecondFactor(owner), wider, true));
            assertThat(outcome).isEqualTo(new Outcome.OpeningUpRefused(before, new Audience(wider.visibility(), wider.joinPolicy())));
            assertThat(published()).isEmpty();
            assertThat(access(slug, owner).community()).isEqualTo(before);
        }
        assertThat(communities.visibleTo(slug, null).map(Access::canRead)).contains(false);
    }

    @Test
    void openingUpWhenOnlyTheOwnerWroteAsksFirstAndAppliesOnceConfirmed() {
        Viewer owner = account(unique("own"));
        String slug = community(owner, Visibility.MEMBERS_ONLY, JoinPolicy.APPROVAL, true);
        Viewer member = account(unique("m"));
        admit(owner, slug, member);
        started(access(slug, owner), owner, draft("The owner's welcome", false));
        // another member's post that was deleted promised nothing to anyone any more
        String theirs = started(access(slug, member), member, draft("Never mind", false));
        var post = replied(access(slug, member), member, theirs, draft("second thoughts", false));
        assertThat(deletePost.run(new DeletePost.Input(access(slug, member), member, post.postId())))
                .isInstanceOf(DeletePost.Outcome.Deleted.class);
        deleteOpening(slug, member, theirs);
        Community before = access(slug, owner).community();
        var wider = with(before, Visibility.PUBLIC, JoinPolicy.OPEN);

        var asked = act(() -> change(slug, withSecondFactor(owner), wider, false));
        assertThat(asked).isInstanceOfSatisfying(Outcome.OpeningUpToConfirm.class, confirm -> {
            assertThat(confirm.after()).isEqualTo(new Audience(Visibility.PUBLIC, JoinPolicy.OPEN));
            assertThat(String.join(" ", confirm.whatOpensUp()))
                    .contains("readable by anyone on the web")
                    .contains("Anyone with a Hearth account can join at once");
        });
        assertThat(published()).isEmpty();
        assertThat(access(slug, owner).community()).isEqualTo(before);

        var confirmed = act(() -> change(slug, withSecondFactor(owner), wider, true));
        Community after = new Community(before.id(), slug, before.name(), before.description(), before.conditionServed(),
                Visibility.PUBLIC, JoinPolicy.OPEN, true, 8);
        assertThat(confirmed).isEqualTo(new Outcome.Changed(after));
        assertThat(published()).containsExactly(new CommunitySettingsChanged(before.id(), owner.memberId(), before, after));
        assertThat(communities.visibleTo(slug, null).map(Access::canRead)).contains(true);
    }

    @Test
    void savingWhatIsAlreadyThereTellsNoOne() {
        Viewer owner = account(unique("own"));
        String slug = community(owner, Visibility.PUBLIC, JoinPolicy.OPEN, false);
        Community before = access(slug, owner).community();
        var outcome = act(() -> change(slug, withSecondFactor(owner), Settings.of(before), false));
        assertThat(outcome).isEqualTo(new Outcome.Changed(before));
        assertThat(published()).isEmpty();
    }

    @Test
    void turningAnonymousPostingOffKeepsEarlierAnonymousPostsAnonymous() {
        Viewer owner = account(unique("own"));
        String slug = community(owner, Visibility.MEMBERS_ONLY, JoinPolicy.OPEN, true);
        Viewer member = account(unique("m"));
        join(slug, member);
        String topic = started(access(slug, member), member, draft("Hard to say", true));
        Community before = access(slug, owner).community();
        var outcome = act(() -> change(slug, withSecondFactor(owner),
                new Settings(before.name(), before.description(), before.conditionServed(), before.visibility(), before.joinPolicy(), false,
                        before.flagHideScore()),
                false));
        assertThat(outcome).isInstanceOf(Outcome.Changed.class);
        assertThat(access(slug, owner).community().allowAnonymous()).isFalse();
        var reader = signedIn(account(unique("reader")));
        reader.submit("/c/" + slug + "/join", AGREEING);
        assertThat(reader.get("/c/" + slug + "/t/" + topic).text()).contains("anonymous member").doesNotContain(member.handle());
    }

    // ---- helpers ---------------------------------------------------------------------------

    private Outcome change(String slug, Viewer owner, Settings settings, boolean confirmed) {
        return changeSettings.run(new ChangeCommunitySettings.Input(slug, owner, settings, confirmed));
    }

    private static Settings renamed(Community community, String name) {
        return new Settings(name, community.description(), community.conditionServed(), community.visibility(),
                community.joinPolicy(), community.allowAnonymous(), community.flagHideScore());
    }

    private static Settings with(Community community, Visibility visibility, JoinPolicy joinPolicy) {
        return new Settings(community.name(), community.description(), community.conditionServed(), visibility,
                joinPolicy, community.allowAnonymous(), community.flagHideScore());
    }

    private static Draft draft(String title, boolean anonymous) {
        return new Draft(TopicKind.DISCUSSION, title, "words of " + title, null, anonymous);
    }

    /** Deletes the opening post of a topic as its author does, found on the topic's page. */
    private void deleteOpening(String slug, Viewer author, String topicId) {
        var page = signedIn(author).get("/c/" + slug + "/t/" + topicId);
        String postId = page.document().selectFirst(".post.opening").id().substring(2);
        assertThat(deletePost.run(new DeletePost.Input(access(slug, author), author, postId)))
                .isInstanceOf(DeletePost.Outcome.Deleted.class);
    }
}
