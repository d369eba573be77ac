package org.hearth.demo;

import java.security.SecureRandom;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.hearth.community.Access;
import org.hearth.community.ChangeRole;
import org.hearth.community.Communities;
import org.hearth.community.Community;
import org.hearth.community.CreateCommunity;
import org.hearth.community.InviteMember;
import org.hearth.community.JoinCommunity;
import org.hearth.community.Role;
import org.hearth.community.Rules;
import org.hearth.conversation.Conversations;
import org.hearth.conversation.Draft;
import org.hearth.conversation.ReactToPost;
import org.hearth.conversation.ReactionKind;
import org.hearth.conversation.ReplyToTopic;
import org.hearth.conversation.StartTopic;
import org.hearth.conversation.TopicKind;
import org.hearth.demo.DemoScript.Place;
import org.hearth.demo.DemoScript.Post;
import org.hearth.demo.DemoScript.Topic;
import org.hearth.identity.Members;
import org.hearth.platform.security.Viewer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Seeds the demonstration site when {@code hearth.demo.enabled=true}: the communities, fictional
 * members, topics, replies and reactions of {@link DemoScript}, written through the public
 * services as members would write them. It runs once per database: when the first demo
 * community is already there it does nothing, and it writes everything in one transaction,
 * so a crash half-way leaves no half-seeded site behind.
 *
 * <p>Every fictional member gets a long random password that is neither logged nor kept, so no
 * one can sign in as them on a site that is reachable from outside.
 */
@Component
@ConditionalOnBooleanProperty("hearth.demo.enabled")
class DemoSite {

    private static final Logger log = LoggerFactory.getLogger(DemoSite.class);
    private static final SecureRandom RANDOM = new SecureRandom();

    private final Members members;
    private final Communities communities;
    private final Conversations conversations;
    private final UseCases act;
    private final TransactionTemplate transactions;

    /** What the seeding does, through the same use cases as people. */
    record UseCases(CreateCommunity create, InviteMember invite, JoinCommunity join, ChangeRole changeRole,
            StartTopic startTopic, ReplyToTopic reply, ReactToPost react) {
    }

    DemoSite(Members members, Communities communities, Conversations conversations, CreateCommunity create,
            InviteMember invite, JoinCommunity join, ChangeRole changeRole, StartTopic startTopic, ReplyToTopic reply,
            ReactToPost react, PlatformTransactionManager transactionManager) {
        this.members = members;
        this.communities = communities;
        this.conversations = conversations;
        this.act = new UseCases(create, invite, join, changeRole, startTopic, reply, react);
        this.transactions = new TransactionTemplate(transactionManager);
    }

    /** Something the script expects went otherwise: the whole seeding is rolled back. */
    private static final class NotSeeded extends RuntimeException {
        NotSeeded(Object outcome) {
            super("the demonstration script expected another outcome than " + outcome.getClass().getSimpleName(),
                    null, false, false);
        }
    }

    private static <T> T expect(Object outcome, Class<T> expected) {
        if (!expected.isInstance(outcome)) {
            throw new NotSeeded(outcome);
        }
        return expected.cast(outcome);
    }

    /** What one seeding wrote, for the log line. */
    record Seeded(int communities, int members, int topics, int replies, int reactions) {
    }

    @EventListener(ApplicationReadyEvent.class)
    void seedOnStart() {
        seed();
    }

    /** Seeds the demonstration site unless it is already there; returns whether it wrote anything. */
    boolean seed() {
        if (alreadySeeded()) {
            log.info("Demonstration site already seeded; nothing to do");
            return false;
        }
        try {
            Seeded seeded = transactions.execute(status -> new Writing().all());
            log.info("Demonstration site seeded: {} communities, {} fictional members, {} topics, {} replies, {} reactions",
                    seeded.communities(), seeded.members(), seeded.topics(), seeded.replies(), seeded.reactions());
            return true;
        } catch (Members.HandleTaken | NotSeeded taken) {
            log.warn("Demonstration site not seeded: a community address or member handle it uses is already taken "
                    + "(by another node seeding at the same time, or by a real community or member)");
            return false;
        }
    }

    private boolean alreadySeeded() {
        return DemoScript.PLACES.stream()
                .anyMatch(place -> communities.visibleTo(place.community().slug(), null).isPresent());
    }

    /** One seeding run: who is who, and what has been written so far. */
    private final class Writing {

        private final Map<String, Viewer> people = new HashMap<>();
        private int topics;
        private int replies;
        private int reactions;

        Seeded all() {
            for (String handle : DemoScript.handles()) {
                Viewer viewer = members.create(handle, randomPassword(), null, false);
                members.updateAbout(viewer.memberId(), DemoScript.ABOUT);
                people.put(handle, viewer);
            }
            DemoScript.PLACES.forEach(this::place);
            return new Seeded(DemoScript.PLACES.size(), people.size(), topics, replies, reactions);
        }

        private void place(Place place) {
            Community community = expect(act.create().run(CreateCommunity.Input.bySite(place.community(),
                    person(place.owner()).memberId())), CreateCommunity.Outcome.Created.class).community();
            // The fictional owner acts as an owner does after giving a second factor: the seeding
            // runs on the server itself, through no one's sign-in.
            Viewer owner = person(place.owner());
            Viewer acting = new Viewer(owner.memberId(), owner.handle(), false, true);
            for (String handle : place.everyone()) {
                if (!handle.equals(place.owner())) {
                    expect(act.invite().run(new InviteMember.Input(community.slug(), acting, handle)),
                            InviteMember.Outcome.Invited.class);
                    // each fictional member agrees to the rules the new community starts with
                    expect(act.join().run(new JoinCommunity.Input(community.slug(), person(handle), Rules.FIRST_VERSION)),
                            JoinCommunity.Outcome.Joined.class);
                }
            }
            expect(act.changeRole().run(new ChangeRole.Input(community.slug(), acting,
                    person(place.moderator()).memberId(), Role.MODERATOR)), ChangeRole.Outcome.Changed.class);
            Map<String, Access> access = new HashMap<>();
            for (String handle : place.everyone()) {
                access.put(handle, communities.visibleTo(community.slug(), person(handle)).orElseThrow());
            }
            List<Topic> script = place.topics();
            for (int t = 0; t < script.size(); t++) {
                topic(script.get(t), t, place.everyone(), access);
            }
        }

        private void topic(Topic topic, int topicNumber, List<String> everyone, Map<String, Access> access) {
            Post opening = topic.opening();
            Access openerAccess = access.get(opening.author());
            String topicId = expect(act.startTopic().run(new StartTopic.Input(openerAccess, person(opening.author()),
                    new Draft(topic.kind(), topic.title(), opening.body(), opening.contentWarning(), opening.anonymous()))),
                    StartTopic.Outcome.Started.class).topicId();
            topics++;
            String openingId = conversations.topic(openerAccess, topicId, person(opening.author()), 1).orElseThrow()
                    .posts().getFirst().id();
            react(openingId, opening, openingReaction(topic.kind()), 2 + topicNumber % 3, topicNumber, everyone, access);

            List<Post> script = topic.replies();
            for (int r = 0; r < script.size(); r++) {
                Post post = script.get(r);
                String postId = expect(act.reply().run(new ReplyToTopic.Input(access.get(post.author()),
                        person(post.author()), topicId, new Draft(null, null, post.body(), post.contentWarning(), post.anonymous()))),
                        ReplyToTopic.Outcome.Replied.class).location().postId();
                replies++;
                int position = r + 1;
                react(postId, post, replyReaction(topic.kind(), post, position), (position + topicNumber) % 4,
                        position * 3 + topicNumber, everyone, access);
            }
        }

        /**
         * Gives a post {@code count} reactions from other members of the community, chosen by a
         * fixed rule from the post's place in the script so every seeding gives the same result.
         */
        private void react(String postId, Post post, ReactionKind kind, int count, int start,
                List<String> everyone, Map<String, Access> access) {
            int given = 0;
            for (int i = 0; i < everyone.size() && given < count; i++) {
                String handle = everyone.get((start + i) % everyone.size());
                if (handle.equals(post.author())) {
                    continue;
                }
                expect(act.react().run(new ReactToPost.Input(access.get(handle), person(handle), postId, kind)),
                        ReactToPost.Outcome.Given.class);
                given++;
            }
            reactions += given;
        }

        private Viewer person(String handle) {
            Viewer viewer = people.get(handle);
            if (viewer == null) {
                throw new IllegalStateException("The demonstration script names a member it does not create");
            }
            return viewer;
        }
    }

    private static ReactionKind openingReaction(TopicKind kind) {
        return kind == TopicKind.STORY ? ReactionKind.HUG : ReactionKind.ME_TOO;
    }

    /** Answers are found helpful; replies to a story or a shared thread are met with a hug or a "me too". */
    private static ReactionKind replyReaction(TopicKind kind, Post post, int position) {
        if (post.contentWarning() != null) {
            return ReactionKind.HUG;
        }
        return switch (kind) {
            case STORY -> position % 2 == 1 ? ReactionKind.HUG : ReactionKind.ME_TOO;
            case DISCUSSION -> position % 3 == 0 ? ReactionKind.HELPFUL : ReactionKind.ME_TOO;
            case QUESTION, DECISION -> position % 4 == 3 ? ReactionKind.ME_TOO : ReactionKind.HELPFUL;
        };
    }

    private static String randomPassword() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
