package org.hearth.conversation;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.hearth.community.Audience;
import org.hearth.community.ChangeCommunitySettings;
import org.hearth.community.JoinPolicy;
import org.hearth.community.LeaveCommunity;
import org.hearth.community.Visibility;
import org.hearth.platform.security.Viewer;
import org.hearth.testing.UseCaseContract;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Every refusal of the conversation use cases, each shown to change nothing readers see and to
 * tell no one, then the change itself with its event and what readers see afterwards.
 */
abstract class ConversationUseCasesContract extends UseCaseContract {

    @Autowired
    private Conversations conversations;

    @Autowired
    private StartTopic startTopic;

    @Autowired
    private ReplyToTopic replyToTopic;

    @Autowired
    private DeletePost deletePost;

    @Autowired
    private LeaveCommunity leave;

    @Autowired
    private ChangeCommunitySettings changeSettings;

    // ---- StartTopic ------------------------------------------------------------------------

    @Test
    void aReaderWhoIsNotAMemberCannotStartATopic() {
        Viewer owner = account(unique("own"));
        String slug = community(owner, Visibility.PUBLIC, JoinPolicy.OPEN, false);
        Viewer reader = account(unique("reader"));
        var outcome = act(() -> startTopic.run(new StartTopic.Input(access(slug, reader), reader, opening("Unwelcome", false))));
        assertThat(outcome).isInstanceOf(StartTopic.Outcome.NotAMember.class);
        assertThat(published()).isEmpty();
        assertThat(conversations.topics(access(slug, owner), null, 1)).isEmpty();
    }

    @Test
    void aMemberStartsATopicThatReadersSeeUnderTheirName() {
        Viewer owner = account(unique("own"));
        String slug = community(owner, Visibility.PUBLIC, JoinPolicy.OPEN, false);
        Viewer author = joined(slug);
        String topicId = act(() -> started(access(slug, author), author, opening("First infusion?", false)));
        String postId = page(slug, owner, topicId).posts().getFirst().id();
        assertThat(published()).containsExactly(
                new TopicStarted(idOf(slug), topicId, postId, author.memberId(), false, TopicKind.QUESTION));
        assertThat(conversations.topics(access(slug, owner), null, 1)).singleElement().satisfies(t -> {
            assertThat(t.id()).isEqualTo(topicId);
            assertThat(t.title()).isEqualTo("First infusion?");
            assertThat(t.author()).isEqualTo(author.handle());
        });
        assertThat(page(slug, owner, topicId).posts()).singleElement().satisfies(p -> {
            assertThat(p.authorId()).isEqualTo(author.memberId());
            assertThat(p.bodyHtml()).contains("words of First infusion?");
        });
    }

    @Test
    void anAnonymousTopicIsAnnouncedAsAnonymousAndShownWithoutAName() {
        Viewer owner = account(unique("own"));
        String slug = community(owner, Visibility.PUBLIC, JoinPolicy.OPEN, true);
        Viewer author = joined(slug);
        String topicId = act(() -> started(access(slug, author), author, opening("Hard to say", true)));
        String postId = page(slug, owner, topicId).posts().getFirst().id();
        assertThat(published()).containsExactly(
                new TopicStarted(idOf(slug), topicId, postId, author.memberId(), true, TopicKind.QUESTION));
        Viewer peer = joined(slug);
        assertThat(conversations.topics(access(slug, peer), peer, 1)).singleElement()
                .satisfies(t -> assertThat(t.author()).isEqualTo("anonymous member"));
        assertThat(conversations.topic(access(slug, peer), topicId, peer, 1).orElseThrow().posts().getFirst())
                .satisfies(p -> assertThat(p.authorId()).isNull())
                .satisfies(p -> assertThat(p.author()).isEqualTo("anonymous member"));
    }

    @Test
    void askingForAnonymityWhereTheCommunityDoesNotAllowItPostsUnderYourName() {
        Viewer owner = account(unique("own"));
        String slug = community(owner, Visibility.PUBLIC, JoinPolicy.OPEN, false);
        Viewer author = joined(slug);
        String topicId = act(() -> started(access(slug, author), author, opening("Named", true)));
        String postId = page(slug, owner, topicId).posts().getFirst().id();
        assertThat(published()).containsExactly(
                new TopicStarted(idOf(slug), topicId, postId, author.memberId(), false, TopicKind.QUESTION));
        assertThat(page(slug, owner, topicId).posts().getFirst().author()).isEqualTo(author.handle());
    }

    // ---- What the writer was shown -----------------------------------------------------------

    /** The owner changes who can see the community and who can join, confirming what opens up. */
    private void reopen(String slug, Viewer owner, Visibility visibility, JoinPolicy policy) {
        var community = access(slug, owner).community();
        var settings = new ChangeCommunitySettings.Settings(community.name(), community.description(),
                community.conditionServed(), visibility, policy, community.allowAnonymous(), community.flagHideScore());
        assertThat(changeSettings.run(new ChangeCommunitySettings.Input(slug, withSecondFactor(owner), settings, true)))
                .isInstanceOf(ChangeCommunitySettings.Outcome.Changed.class);
    }

    @Test
    void aPostWrittenForMembersIsNotStoredOnceTheCommunityOpenedUp() {
        Viewer owner = account(unique("own"));
        String slug = community(owner, Visibility.MEMBERS_ONLY, JoinPolicy.INVITATION, false);
        String topicId = started(access(slug, owner), owner, opening("Only the owner wrote", false));
        Viewer member = account(unique("m"));
        admit(owner, slug, member);
        var composing = access(slug, member); // the forms were shown with this
        Audience shown = composing.community().audience();
        var before = page(slug, owner, topicId);

        // anyone with an account may now join and read
        reopen(slug, owner, Visibility.MEMBERS_ONLY, JoinPolicy.OPEN);
        assertThat(act(() -> startTopic.run(new StartTopic.Input(composing, member, opening("For members", false), shown))))
                .isEqualTo(new StartTopic.Outcome.AudienceWidened(new Audience(Visibility.MEMBERS_ONLY, JoinPolicy.OPEN)));
        assertThat(published()).isEmpty();
        // anyone on the web may now read
        reopen(slug, owner, Visibility.PUBLIC, JoinPolicy.INVITATION);
        Audience now = new Audience(Visibility.PUBLIC, JoinPolicy.INVITATION);
        assertThat(act(() -> startTopic.run(new StartTopic.Input(composing, member, opening("For members", false), shown))))
                .isEqualTo(new StartTopic.Outcome.AudienceWidened(now));
        assertThat(published()).isEmpty();
        assertThat(act(() -> replyToTopic.run(new ReplyToTopic.Input(composing, member, topicId, reply("For members", false), shown))))
                .isEqualTo(new ReplyToTopic.Outcome.AudienceWidened(now));
        assertThat(published()).isEmpty();

        assertThat(conversations.topics(access(slug, owner), null, 1)).singleElement()
                .satisfies(t -> assertThat(t.id()).isEqualTo(topicId));
        assertThat(page(slug, owner, topicId)).isEqualTo(before);
        // once public, letting more people join changes no one's reading
        reopen(slug, owner, Visibility.PUBLIC, JoinPolicy.OPEN);
        assertThat(replyToTopic.run(new ReplyToTopic.Input(access(slug, member), member, topicId, reply("Knowing it", false), now)))
                .isInstanceOf(ReplyToTopic.Outcome.Replied.class);
    }

    @Test
    void aNarrowerAudienceOrNoneShownStillPosts() {
        Viewer owner = account(unique("own"));
        String slug = community(owner, Visibility.PUBLIC, JoinPolicy.OPEN, false);
        Viewer member = joined(slug);
        Audience shown = access(slug, member).community().audience();
        reopen(slug, owner, Visibility.MEMBERS_ONLY, JoinPolicy.APPROVAL);

        assertThat(startTopic.run(new StartTopic.Input(access(slug, member), member, opening("Now for members", false), shown)))
                .as("narrowing never refuses").isInstanceOf(StartTopic.Outcome.Started.class);
        String topicId = ((StartTopic.Outcome.Started) startTopic.run(new StartTopic.Input(access(slug, member), member,
                opening("From an older page", false), null))).topicId();
        assertThat(replyToTopic.run(new ReplyToTopic.Input(access(slug, member), member, topicId, reply("Same", false),
                new Audience(Visibility.MEMBERS_ONLY, JoinPolicy.APPROVAL)))).isInstanceOf(ReplyToTopic.Outcome.Replied.class);
        assertThat(conversations.topics(access(slug, owner), null, 1)).hasSize(2);
    }

    // ---- ReplyToTopic ----------------------------------------------------------------------

    @Test
    void aReaderWhoIsNotAMemberCannotReply() {
        Viewer owner = account(unique("own"));
        String slug = community(owner, Visibility.PUBLIC, JoinPolicy.OPEN, false);
        String topicId = started(access(slug, owner), owner, opening("Open to read", false));
        Viewer reader = account(unique("reader"));
        var before = page(slug, owner, topicId);
        var outcome = act(() -> replyToTopic.run(new ReplyToTopic.Input(access(slug, reader), reader, topicId, reply("Me too", false))));
        assertThat(outcome).isInstanceOf(ReplyToTopic.Outcome.NotAMember.class);
        assertThat(published()).isEmpty();
        assertThat(page(slug, owner, topicId)).isEqualTo(before);
    }

    @Test
    void aTopicOfAnotherCommunityCannotBeRepliedToFromHere() {
        Viewer member = account(unique("m"));
        String here = community(member, Visibility.PUBLIC, JoinPolicy.OPEN, false);
        String elsewhere = community(member, Visibility.MEMBERS_ONLY, JoinPolicy.OPEN, false);
        String topicId = started(access(elsewhere, member), member, opening("Elsewhere", false));
        var before = page(elsewhere, member, topicId);
        for (String id : new String[] {topicId, "not a topic", null}) {
            var outcome = act(() -> replyToTopic.run(new ReplyToTopic.Input(access(here, member), member, id, reply("Crossed", false))));
            assertThat(outcome).isInstanceOf(ReplyToTopic.Outcome.NoSuchTopic.class);
            assertThat(published()).isEmpty();
        }
        assertThat(page(elsewhere, member, topicId)).isEqualTo(before);
        assertThat(conversations.topics(access(here, member), null, 1)).isEmpty();
    }

    @Test
    void aMemberRepliesAndTheReplyFollowsTheOpeningPost() {
        Viewer owner = account(unique("own"));
        String slug = community(owner, Visibility.MEMBERS_ONLY, JoinPolicy.OPEN, false);
        String topicId = started(access(slug, owner), owner, opening("Sleep", false));
        Viewer peer = joined(slug);
        var location = act(() -> replied(access(slug, peer), peer, topicId, reply("A warm bath helped", false)));
        assertThat(published()).containsExactly(
                new ReplyPosted(idOf(slug), topicId, location.postId(), 1, peer.memberId(), false));
        assertThat(location).isEqualTo(new Conversations.Location(topicId, 1, location.postId()));
        var shown = page(slug, owner, topicId);
        assertThat(shown.replyCount()).isEqualTo(1);
        assertThat(shown.posts()).last().satisfies(p -> {
            assertThat(p.id()).isEqualTo(location.postId());
            assertThat(p.author()).isEqualTo(peer.handle());
            assertThat(p.bodyHtml()).contains("A warm bath helped");
        });
    }

    @Test
    void anAnonymousReplyIsAnnouncedAsAnonymousAndShownWithoutAName() {
        Viewer owner = account(unique("own"));
        String slug = community(owner, Visibility.MEMBERS_ONLY, JoinPolicy.OPEN, true);
        String topicId = started(access(slug, owner), owner, opening("Grief", false));
        Viewer peer = joined(slug);
        var location = act(() -> replied(access(slug, peer), peer, topicId, reply("I lost mine too", true)));
        assertThat(published()).containsExactly(
                new ReplyPosted(idOf(slug), topicId, location.postId(), 1, peer.memberId(), true));
        Viewer reader = joined(slug);
        assertThat(conversations.topic(access(slug, reader), topicId, reader, 1).orElseThrow().posts()).last()
                .satisfies(p -> assertThat(p.authorId()).isNull())
                .satisfies(p -> assertThat(p.author()).isEqualTo("anonymous member"));
    }

    // ---- EditPost --------------------------------------------------------------------------

    @Test
    void aPostOfAnotherCommunityIsNotFoundForEditing() {
        Viewer member = account(unique("m"));
        String here = community(member, Visibility.PUBLIC, JoinPolicy.OPEN, false);
        String elsewhere = community(member, Visibility.PUBLIC, JoinPolicy.OPEN, false);
        String topicId = started(access(elsewhere, member), member, opening("Elsewhere", false));
        String postId = page(elsewhere, member, topicId).posts().getFirst().id();
        var before = page(elsewhere, member, topicId);
        var outcome = act(() -> edited(access(here, member), member, postId, opening("Changed", false)));
        assertThat(outcome).isInstanceOf(EditPost.Outcome.NotFound.class);
        assertThat(published()).isEmpty();
        assertThat(page(elsewhere, member, topicId)).isEqualTo(before);
    }

    @Test
    void noOneEditsSomeoneElsesPostNotEvenTheOwner() {
        Viewer owner = account(unique("own"));
        String slug = community(owner, Visibility.PUBLIC, JoinPolicy.OPEN, false);
        Viewer author = joined(slug);
        String topicId = started(access(slug, author), author, opening("Mine", false));
        String postId = page(slug, owner, topicId).posts().getFirst().id();
        var before = page(slug, owner, topicId);
        for (Viewer other : new Viewer[] {joined(slug), withSecondFactor(owner)}) {
            var outcome = act(() -> edited(access(slug, other), other, postId, opening("Not mine", false)));
            assertThat(outcome).isInstanceOf(EditPost.Outcome.NotYourPost.class);
            assertThat(published()).isEmpty();
        }
        assertThat(page(slug, owner, topicId)).isEqualTo(before);
        assertThat(earlierVersions(slug, owner, postId)).isEmpty();
    }

    @Test
    void aDeletedPostCannotBeEdited() {
        Viewer owner = account(unique("own"));
        String slug = community(owner, Visibility.PUBLIC, JoinPolicy.OPEN, false);
        String topicId = started(access(slug, owner), owner, opening("Sleep", false));
        Viewer author = joined(slug);
        String postId = replied(access(slug, author), author, topicId, reply("Regretted", false)).postId();
        deleted(slug, author, postId);
        var before = page(slug, owner, topicId);
        var outcome = act(() -> edited(access(slug, author), author, postId, reply("Back again", false)));
        assertThat(outcome).isInstanceOf(EditPost.Outcome.AlreadyDeleted.class);
        assertThat(published()).isEmpty();
        assertThat(page(slug, owner, topicId)).isEqualTo(before);
    }

    @Test
    void someoneWhoLeftAMembersOnlyCommunityStillEditsWhatTheyWroteAndNothingElse() {
        Viewer owner = account(unique("own"));
        String slug = community(owner, Visibility.MEMBERS_ONLY, JoinPolicy.OPEN, false);
        String topicId = started(access(slug, owner), owner, opening("Sleep", false));
        Viewer author = joined(slug);
        String postId = replied(access(slug, author), author, topicId, reply("Said once", false)).postId();
        assertThat(leave.run(new LeaveCommunity.Input(slug, author))).isInstanceOf(LeaveCommunity.Outcome.Left.class);
        assertThat(access(slug, author).canRead()).as("no longer a reader").isFalse();

        var outcome = act(() -> edited(access(slug, author), author, postId, reply("Said more carefully", false)));
        assertThat(outcome).isEqualTo(new EditPost.Outcome.Edited(new Conversations.Location(topicId, 1, postId)));
        assertThat(published()).containsExactly(new PostEdited(idOf(slug), topicId, postId, author.memberId(), false));
        assertThat(page(slug, owner, topicId).posts().get(1).bodyHtml()).contains("Said more carefully");
        assertThat(conversations.ownDraft(access(slug, author), author, postId)).get()
                .extracting(Draft::body).isEqualTo("Said more carefully");

        String othersPost = page(slug, owner, topicId).posts().getFirst().id();
        var before = page(slug, owner, topicId);
        var refused = act(() -> edited(access(slug, author), author, othersPost, opening("Taken over", false)));
        assertThat(refused).as("another's post in a community they cannot read stays unknown to them")
                .isInstanceOf(EditPost.Outcome.NotFound.class);
        assertThat(published()).isEmpty();
        assertThat(conversations.ownDraft(access(slug, author), author, othersPost)).isEmpty();
        assertThat(page(slug, owner, topicId)).isEqualTo(before);
    }

    @Test
    void theOpeningPostKeepsItsTitle() {
        Viewer owner = account(unique("own"));
        String slug = community(owner, Visibility.PUBLIC, JoinPolicy.OPEN, false);
        String topicId = started(access(slug, owner), owner, opening("Titled", false));
        String postId = page(slug, owner, topicId).posts().getFirst().id();
        var before = page(slug, owner, topicId);
        for (String title : new String[] {null, "  "}) {
            var outcome = act(() -> edited(access(slug, owner), owner, postId, new Draft(null, title, "New words", null, false)));
            assertThat(outcome).isInstanceOf(EditPost.Outcome.TitleMissing.class);
            assertThat(published()).isEmpty();
        }
        assertThat(page(slug, owner, topicId)).isEqualTo(before);
    }

    @Test
    void anAuthorEditsTheirOpeningPostAndModeratorsKeepTheEarlierVersion() {
        Viewer owner = account(unique("own"));
        String slug = community(owner, Visibility.PUBLIC, JoinPolicy.OPEN, false);
        Viewer author = joined(slug);
        String topicId = started(access(slug, author), author, opening("Fist title", false));
        String postId = page(slug, owner, topicId).posts().getFirst().id();
        var outcome = act(() -> edited(access(slug, author), author, postId,
                new Draft(null, "First title", "Better words", null, false)));
        assertThat(outcome).isEqualTo(new EditPost.Outcome.Edited(new Conversations.Location(topicId, 1, postId)));
        assertThat(published()).containsExactly(new PostEdited(idOf(slug), topicId, postId, author.memberId(), false));
        var shown = page(slug, owner, topicId);
        assertThat(shown.title()).isEqualTo("First title");
        assertThat(shown.posts().getFirst()).satisfies(p -> {
            assertThat(p.bodyHtml()).contains("Better words");
            assertThat(p.edited()).isTrue();
        });
        assertThat(earlierVersions(slug, owner, postId)).singleElement().satisfies(r -> {
            assertThat(r.title()).isEqualTo("Fist title");
            assertThat(r.bodySource()).isEqualTo("words of Fist title");
        });
    }

    @Test
    void anEditOfAnAnonymousReplyIsAnnouncedAsAnonymous() {
        Viewer owner = account(unique("own"));
        String slug = community(owner, Visibility.PUBLIC, JoinPolicy.OPEN, true);
        String topicId = started(access(slug, owner), owner, opening("Grief", false));
        Viewer author = joined(slug);
        String postId = replied(access(slug, author), author, topicId, reply("Too soon", true)).postId();
        // the edit form does not offer to drop anonymity: an edit keeps the post as it was posted
        var outcome = act(() -> edited(access(slug, author), author, postId, reply("Still too soon", false)));
        assertThat(outcome).isInstanceOf(EditPost.Outcome.Edited.class);
        assertThat(published()).containsExactly(new PostEdited(idOf(slug), topicId, postId, author.memberId(), true));
        assertThat(page(slug, owner, topicId).posts()).last().satisfies(p -> assertThat(p.author()).isEqualTo("anonymous member"));
    }

    // ---- DeletePost ------------------------------------------------------------------------

    @Test
    void aPostOfAnotherCommunityIsNotFoundForDeleting() {
        Viewer member = account(unique("m"));
        String here = community(member, Visibility.PUBLIC, JoinPolicy.OPEN, false);
        String elsewhere = community(member, Visibility.PUBLIC, JoinPolicy.OPEN, false);
        String topicId = started(access(elsewhere, member), member, opening("Elsewhere", false));
        String postId = page(elsewhere, member, topicId).posts().getFirst().id();
        var before = page(elsewhere, member, topicId);
        var outcome = act(() -> deletePost.run(new DeletePost.Input(access(here, member), member, postId)));
        assertThat(outcome).isInstanceOf(DeletePost.Outcome.NotFound.class);
        assertThat(published()).isEmpty();
        assertThat(page(elsewhere, member, topicId)).isEqualTo(before);
    }

    @Test
    void noOneDeletesSomeoneElsesPostNotEvenTheOwner() {
        Viewer owner = account(unique("own"));
        String slug = community(owner, Visibility.PUBLIC, JoinPolicy.OPEN, false);
        Viewer author = joined(slug);
        String topicId = started(access(slug, author), author, opening("Mine", false));
        String postId = page(slug, owner, topicId).posts().getFirst().id();
        var before = page(slug, owner, topicId);
        for (Viewer other : new Viewer[] {joined(slug), withSecondFactor(owner)}) {
            var outcome = act(() -> deletePost.run(new DeletePost.Input(access(slug, other), other, postId)));
            assertThat(outcome).isInstanceOf(DeletePost.Outcome.NotYourPost.class);
            assertThat(published()).isEmpty();
        }
        assertThat(page(slug, owner, topicId)).isEqualTo(before);
    }

    @Test
    void someoneWhoLeftAMembersOnlyCommunityStillDeletesWhatTheyWrote() {
        Viewer owner = account(unique("own"));
        String slug = community(owner, Visibility.MEMBERS_ONLY, JoinPolicy.OPEN, false);
        String topicId = started(access(slug, owner), owner, opening("Sleep", false));
        Viewer author = joined(slug);
        String postId = replied(access(slug, author), author, topicId, reply("Said then", false)).postId();
        assertThat(leave.run(new LeaveCommunity.Input(slug, author))).isInstanceOf(LeaveCommunity.Outcome.Left.class);
        assertThat(access(slug, author).canRead()).as("no longer a reader").isFalse();

        var outcome = act(() -> deletePost.run(new DeletePost.Input(access(slug, author), author, postId)));
        assertThat(outcome).isInstanceOf(DeletePost.Outcome.Deleted.class);
        assertThat(page(slug, owner, topicId).posts().get(1).deleted()).isTrue();

        String othersPost = page(slug, owner, topicId).posts().getFirst().id();
        assertThat(deletePost.run(new DeletePost.Input(access(slug, author), author, othersPost)))
                .as("another's post in a community they cannot read stays unknown to them")
                .isInstanceOf(DeletePost.Outcome.NotFound.class);
    }

    @Test
    void aPostIsDeletedOnlyOnce() {
        Viewer owner = account(unique("own"));
        String slug = community(owner, Visibility.PUBLIC, JoinPolicy.OPEN, false);
        String topicId = started(access(slug, owner), owner, opening("Sleep", false));
        String postId = replied(access(slug, owner), owner, topicId, reply("Oops", false)).postId();
        deleted(slug, owner, postId);
        var before = page(slug, owner, topicId);
        var outcome = act(() -> deletePost.run(new DeletePost.Input(access(slug, owner), owner, postId)));
        assertThat(outcome).isInstanceOf(DeletePost.Outcome.AlreadyDeleted.class);
        assertThat(published()).isEmpty();
        assertThat(page(slug, owner, topicId)).isEqualTo(before);
    }

    @Test
    void anAuthorDeletesTheirTopicAndItsWordsVersionsAndReactionsAreGone() {
        Viewer owner = account(unique("own"));
        String slug = community(owner, Visibility.PUBLIC, JoinPolicy.OPEN, false);
        Viewer author = joined(slug);
        String topicId = started(access(slug, author), author, opening("Regret", false));
        String postId = page(slug, owner, topicId).posts().getFirst().id();
        edited(access(slug, author), author, postId, opening("Regret more", false));
        reacted(access(slug, owner), owner, postId, ReactionKind.HUG);
        var outcome = act(() -> deletePost.run(new DeletePost.Input(access(slug, author), author, postId)));
        assertThat(outcome).isInstanceOf(DeletePost.Outcome.Deleted.class);
        assertThat(published()).containsExactly(new PostDeleted(idOf(slug), topicId, postId, author.memberId(), false));
        var shown = page(slug, owner, topicId);
        assertThat(shown.title()).isEqualTo(Conversations.DELETED_TITLE);
        assertThat(shown.posts().getFirst()).satisfies(p -> {
            assertThat(p.deleted()).isTrue();
            assertThat(p.bodyHtml()).isEmpty();
            assertThat(p.reactions()).isEmpty();
        });
        assertThat(earlierVersions(slug, owner, postId)).isEmpty();
    }

    @Test
    void someoneWhoLeftMayStillDeleteWhatTheyWrote() {
        Viewer owner = account(unique("own"));
        String slug = community(owner, Visibility.PUBLIC, JoinPolicy.OPEN, true);
        String topicId = started(access(slug, owner), owner, opening("Sleep", false));
        Viewer author = joined(slug);
        String postId = replied(access(slug, author), author, topicId, reply("Said once", true)).postId();
        leave.run(new LeaveCommunity.Input(slug, author));
        var outcome = act(() -> deletePost.run(new DeletePost.Input(access(slug, author), author, postId)));
        assertThat(outcome).isInstanceOf(DeletePost.Outcome.Deleted.class);
        assertThat(published()).containsExactly(new PostDeleted(idOf(slug), topicId, postId, author.memberId(), true));
        assertThat(page(slug, owner, topicId).posts()).last().satisfies(p -> assertThat(p.deleted()).isTrue());
    }

    // ---- ReactToPost -----------------------------------------------------------------------

    @Test
    void aPostOfAnotherCommunityIsNotFoundForReacting() {
        Viewer member = account(unique("m"));
        String here = community(member, Visibility.PUBLIC, JoinPolicy.OPEN, false);
        String elsewhere = community(member, Visibility.PUBLIC, JoinPolicy.OPEN, false);
        String topicId = started(access(elsewhere, member), member, opening("Elsewhere", false));
        String postId = page(elsewhere, member, topicId).posts().getFirst().id();
        var before = page(elsewhere, member, topicId);
        var outcome = act(() -> reacted(access(here, member), member, postId, ReactionKind.HELPFUL));
        assertThat(outcome).isInstanceOf(ReactToPost.Outcome.NotFound.class);
        assertThat(published()).isEmpty();
        assertThat(page(elsewhere, member, topicId)).isEqualTo(before);
    }

    @Test
    void aReaderWhoIsNotAMemberCannotReact() {
        Viewer owner = account(unique("own"));
        String slug = community(owner, Visibility.PUBLIC, JoinPolicy.OPEN, false);
        String topicId = started(access(slug, owner), owner, opening("Open to read", false));
        String postId = page(slug, owner, topicId).posts().getFirst().id();
        Viewer reader = account(unique("reader"));
        var before = page(slug, owner, topicId);
        var outcome = act(() -> reacted(access(slug, reader), reader, postId, ReactionKind.HUG));
        assertThat(outcome).isInstanceOf(ReactToPost.Outcome.NotAMember.class);
        assertThat(published()).isEmpty();
        assertThat(page(slug, owner, topicId)).isEqualTo(before);
    }

    @Test
    void aDeletedPostTakesNoReactions() {
        Viewer owner = account(unique("own"));
        String slug = community(owner, Visibility.PUBLIC, JoinPolicy.OPEN, false);
        String topicId = started(access(slug, owner), owner, opening("Sleep", false));
        String postId = replied(access(slug, owner), owner, topicId, reply("Gone", false)).postId();
        deleted(slug, owner, postId);
        Viewer peer = joined(slug);
        var before = page(slug, owner, topicId);
        var outcome = act(() -> reacted(access(slug, peer), peer, postId, ReactionKind.ME_TOO));
        assertThat(outcome).isInstanceOf(ReactToPost.Outcome.PostDeleted.class);
        assertThat(published()).isEmpty();
        assertThat(page(slug, owner, topicId)).isEqualTo(before);
    }

    @Test
    void aMemberSendsAHugAndTakesItBack() {
        Viewer owner = account(unique("own"));
        String slug = community(owner, Visibility.PUBLIC, JoinPolicy.OPEN, false);
        String topicId = started(access(slug, owner), owner, opening("Scan tomorrow", false));
        String postId = page(slug, owner, topicId).posts().getFirst().id();
        Viewer peer = joined(slug);

        var given = act(() -> reacted(access(slug, peer), peer, postId, ReactionKind.HUG));
        assertThat(given).isEqualTo(new ReactToPost.Outcome.Given(new Conversations.Location(topicId, 1, postId)));
        assertThat(published()).containsExactly(
                new ReactionGiven(idOf(slug), postId, owner.memberId(), false, peer.memberId(), ReactionKind.HUG));
        var seen = conversations.topic(access(slug, peer), topicId, peer, 1).orElseThrow().posts().getFirst();
        assertThat(seen.count(ReactionKind.HUG)).isEqualTo(1);
        assertThat(seen.reacted(ReactionKind.HUG)).isTrue();

        var takenBack = act(() -> reacted(access(slug, peer), peer, postId, ReactionKind.HUG));
        assertThat(takenBack).isInstanceOf(ReactToPost.Outcome.TakenBack.class);
        assertThat(published()).containsExactly(
                new ReactionTakenBack(idOf(slug), postId, owner.memberId(), false, peer.memberId(), ReactionKind.HUG));
        assertThat(page(slug, owner, topicId).posts().getFirst().count(ReactionKind.HUG)).isZero();
    }

    @Test
    void aReactionToAnAnonymousPostIsAnnouncedAsAnonymous() {
        Viewer owner = account(unique("own"));
        String slug = community(owner, Visibility.MEMBERS_ONLY, JoinPolicy.OPEN, true);
        Viewer author = joined(slug);
        String topicId = started(access(slug, author), author, opening("Unsaid", true));
        String postId = page(slug, owner, topicId).posts().getFirst().id();
        Viewer peer = joined(slug);
        var outcome = act(() -> reacted(access(slug, peer), peer, postId, ReactionKind.ME_TOO));
        assertThat(outcome).isInstanceOf(ReactToPost.Outcome.Given.class);
        assertThat(published()).containsExactly(
                new ReactionGiven(idOf(slug), postId, author.memberId(), true, peer.memberId(), ReactionKind.ME_TOO));
        assertThat(page(slug, owner, topicId).posts().getFirst().count(ReactionKind.ME_TOO)).isEqualTo(1);
    }

    // ---- helpers ---------------------------------------------------------------------------


    private String idOf(String slug) {
        return communities.visibleTo(slug, null).orElseThrow().community().id();
    }

    /**
     * The topic's first page as its members read it (the owner has no second factor here, so
     * sees no more than they do). Read without a viewer, so reading marks nothing and two
     * readings of an unchanged topic are equal.
     */
    private TopicPage page(String slug, Viewer owner, String topicId) {
        return conversations.topic(access(slug, owner), topicId, null, 1).orElseThrow();
    }

    private List<Revision> earlierVersions(String slug, Viewer owner, String postId) {
        return conversations.revisions(access(slug, withSecondFactor(owner)), owner, postId).orElseThrow();
    }

    private Viewer joined(String slug) {
        Viewer member = account(unique("m"));
        join(slug, member);
        return member;
    }

    private void deleted(String slug, Viewer author, String postId) {
        assertThat(deletePost.run(new DeletePost.Input(access(slug, author), author, postId)))
                .isInstanceOf(DeletePost.Outcome.Deleted.class);
    }

    static Draft opening(String title, boolean anonymous) {
        return new Draft(TopicKind.QUESTION, title, "words of " + title, null, anonymous);
    }

    private static Draft reply(String body, boolean anonymous) {
        return new Draft(null, null, body, null, anonymous);
    }
}
