package org.hearth.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.hearth.community.Access;
import org.hearth.community.ChangeRole;
import org.hearth.community.Communities;
import org.hearth.community.CreateCommunity;
import org.hearth.community.InviteMember;
import org.hearth.community.JoinCommunity;
import org.hearth.community.JoinPolicy;
import org.hearth.community.Role;
import org.hearth.community.Rules;
import org.hearth.community.Visibility;
import org.hearth.conversation.Conversations;
import org.hearth.conversation.Draft;
import org.hearth.conversation.EditPost;
import org.hearth.conversation.ReactToPost;
import org.hearth.conversation.ReactionKind;
import org.hearth.conversation.ReplyToTopic;
import org.hearth.conversation.StartTopic;
import org.hearth.identity.Members;
import org.hearth.platform.db.Submissions;
import org.hearth.platform.security.Viewer;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Base of tests that drive the running application. Every name a test makes is unique, so
 * test classes can share one application (and one database) per engine.
 */
public abstract class HearthTest {

    private static final AtomicInteger SEQUENCE = new AtomicInteger();
    public static final String PASSWORD = "quiet lantern orbit 47 marmalade";

    @LocalServerPort
    protected int port;

    @Autowired
    protected Members members;

    @Autowired
    protected Communities communities;

    @Autowired
    private CreateCommunity createCommunity;

    @Autowired
    private InviteMember inviteMember;

    @Autowired
    private JoinCommunity joinCommunity;

    @Autowired
    private ChangeRole changeRole;

    @Autowired
    protected Rules rules;

    @Autowired
    private StartTopic startTopic;

    @Autowired
    private EditPost editPost;

    @Autowired
    private ReactToPost reactToPost;

    @Autowired
    private ReplyToTopic replyToTopic;

    protected Visitor visitor() {
        return new Visitor(port);
    }

    protected static String unique(String prefix) {
        return prefix + SEQUENCE.incrementAndGet() + Long.toString(System.nanoTime() % 100000, 36);
    }

    /** A new member, already signed in, in a browser of their own. */
    protected Visitor member(String handle) {
        Visitor visitor = visitor();
        visitor.signUp(handle, PASSWORD);
        return visitor;
    }

    /** A browser in which this existing member has signed in. */
    protected Visitor signedIn(Viewer viewer) {
        Visitor visitor = visitor();
        visitor.signIn(viewer.handle(), PASSWORD);
        return visitor;
    }

    /**
     * A browser in which this member has signed in and set up a second factor, as moderators,
     * owners and administrators must before they act.
     */
    protected Visitor moderating(Viewer viewer) {
        Visitor visitor = signedIn(viewer);
        Authenticator.enrol(visitor, PASSWORD);
        return visitor;
    }

    /** Creates a member directly (no browser) and returns who they are. */
    protected Viewer account(String handle) {
        return members.create(handle, PASSWORD, null, false);
    }

    /** Creates a community owned by the given member. */
    protected String community(Viewer owner, Visibility visibility, JoinPolicy policy, boolean anonymous) {
        String slug = unique("c-").toLowerCase();
        var created = createCommunity.run(CreateCommunity.Input.bySite(new Communities.NewCommunity(slug,
                "Community " + slug, "About " + slug, "Condition " + slug, visibility, policy, anonymous), owner.memberId()));
        assertThat(created).isInstanceOf(CreateCommunity.Outcome.Created.class);
        return slug;
    }

    /** The community as this viewer may see it (it must be visible to them). */
    protected Access access(String slug, Viewer viewer) {
        return communities.visibleTo(slug, viewer).orElseThrow();
    }

    /** The same member as signed in with a second factor, as moderators and owners act. */
    protected static Viewer withSecondFactor(Viewer viewer) {
        return new Viewer(viewer.memberId(), viewer.handle(), viewer.siteAdmin(), true);
    }

    /**
     * Brings a member into a community of any join policy the way people do: its owner invites
     * them and they accept.
     */
    protected void admit(Viewer owner, String slug, Viewer member) {
        assertThat(inviteMember.run(new InviteMember.Input(slug, withSecondFactor(owner), member.handle())))
                .isInstanceOf(InviteMember.Outcome.Invited.class);
        assertThat(joinCommunity.run(new JoinCommunity.Input(slug, member, rulesVersion(slug, member))))
                .isInstanceOf(JoinCommunity.Outcome.Joined.class);
    }

    /** Starts a topic as a member does (with the form's one-time key), and returns its id. */
    protected String started(Access access, Viewer author, Draft draft) {
        var outcome = startTopic.run(new StartTopic.Input(access, author, draft, null, Submissions.newKey()));
        assertThat(outcome).isInstanceOf(StartTopic.Outcome.Started.class);
        return ((StartTopic.Outcome.Started) outcome).topicId();
    }

    /** Replies as a member does (with the form's one-time key), and returns where the reply is. */
    protected Conversations.Location replied(Access access, Viewer author, String topicId, Draft draft) {
        var outcome = replyToTopic.run(new ReplyToTopic.Input(access, author, topicId, draft, null, Submissions.newKey()));
        assertThat(outcome).isInstanceOf(ReplyToTopic.Outcome.Replied.class);
        return ((ReplyToTopic.Outcome.Replied) outcome).location();
    }

    /** Joins (or asks to join) as a member does, agreeing to the rules in force. */
    protected JoinCommunity.Outcome join(String slug, Viewer member) {
        return joinCommunity.run(new JoinCommunity.Input(slug, member, rulesVersion(slug, member)));
    }

    /** The version of the rules in force, as the join page shows it to this member (null when they cannot see the community). */
    protected Integer rulesVersion(String slug, Viewer member) {
        return communities.visibleTo(slug, member).map(access -> rules.current(access).number()).orElse(null);
    }

    /** What a join form sends when the member ticked that they agree to the rules of a new community. */
    protected static final Map<String, String> AGREEING = Map.of("agreed", "true", "rulesVersion", "1");

    /** Invites as a moderator does, with a second factor. */
    protected InviteMember.Outcome invite(String slug, Viewer moderator, String handle) {
        return inviteMember.run(new InviteMember.Input(slug, withSecondFactor(moderator), handle));
    }

    /** Changes a role as an owner does, with a second factor. */
    protected ChangeRole.Outcome changeRole(String slug, Viewer owner, String memberId, Role role) {
        return changeRole.run(new ChangeRole.Input(slug, withSecondFactor(owner), memberId, role));
    }

    protected EditPost.Outcome edited(Access access, Viewer author, String postId, Draft draft) {
        return editPost.run(new EditPost.Input(access, author, postId, draft));
    }

    protected ReactToPost.Outcome reacted(Access access, Viewer member, String postId, ReactionKind kind) {
        return reactToPost.run(new ReactToPost.Input(access, member, postId, kind));
    }
}
