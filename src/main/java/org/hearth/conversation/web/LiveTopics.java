package org.hearth.conversation.web;

import gg.jte.TemplateEngine;
import gg.jte.output.StringOutput;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.annotation.PreDestroy;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Predicate;
import org.hearth.community.Access;
import org.hearth.community.Communities;
import org.hearth.community.CommunitySettingsChanged;
import org.hearth.community.MemberLeft;
import org.hearth.community.Visibility;
import org.hearth.conversation.Conversations;
import org.hearth.conversation.PostAdditions;
import org.hearth.conversation.PostView;
import org.hearth.conversation.ReadersChoices;
import org.hearth.conversation.PostsOnPage;
import org.hearth.conversation.TopicKind;
import org.hearth.conversation.ReactionKind;
import org.hearth.conversation.ReplyPosted;
import org.hearth.conversation.TopicPage;
import org.hearth.platform.live.LiveBus;
import org.hearth.platform.live.LiveSignal;
import org.hearth.platform.live.LiveStreams;
import org.hearth.platform.security.Viewer;
import org.hearth.platform.web.Page;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.SmartLifecycle;
import org.springframework.http.MediaType;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;
import org.springframework.web.servlet.mvc.method.annotation.ResponseBodyEmitter.DataWithMediaType;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * The open event streams of topic pages, by topic. Whether a reader may follow a topic is
 * decided once, when the stream opens, exactly as for the page; streams end after a while
 * ({@code hearth.live.stream-timeout}) so that the browser reconnects and is checked again.
 *
 * <p>A new reply is announced on the {@link LiveBus} after its transaction commits. Each node
 * that has readers of the topic then loads it once and renders it once, in the form every reader
 * may see (no one's own controls, anonymous authors hidden), and sends those same bytes to each
 * of its streams. Each event's id is the post's position, so a browser that reconnects with
 * {@code Last-Event-ID} is sent what it missed. A stream never receives a position twice or out
 * of order. Other features' additions to the posts are the ones for everyone
 * ({@link PostsOnPage#forEveryone()}); what only some readers see appears when they load the page.
 *
 * <p>A member who leaves a community stops reading it at once: their streams of its topics end,
 * on every node (the bus carries the leave as {@code left:<community>:<member>}), and their
 * browsers, reconnecting, are checked again like anyone else. Should the bus have lost signals,
 * the streams of signed-in readers of communities that are not public end as well, so that a
 * leave missed meanwhile never keeps a stream open.
 *
 * <p>Likewise when an owner changes a community's settings (it may have become more private):
 * every stream of its topics ends, on every node ({@code closed:<community>}), and the access the
 * topics were rendered with is forgotten, so every browser reconnects and is checked again. Should
 * the bus have lost signals, each public community followed here is looked up again, and the
 * streams of those no longer public end.
 *
 * <p>A reply by someone the reader blocked is not sent to that reader's stream (it would arrive
 * unfolded: the rendering is the same for everyone); they find it folded when they load the
 * page. Whom they blocked is asked once, when the stream opens. Anonymous replies are sent to
 * all: they never fold by author.
 *
 * <p>A stream is registered first and the reader's access checked again after: a leave or a
 * change that commits while the stream opens either finds it registered, or is seen by that check.
 */
@Component
class LiveTopics implements SmartLifecycle {

    private static final String SUBJECT = "topic:";
    private static final String LEFT = "left:";
    private static final String CLOSED = "closed:";
    private static final String POST = "org/hearth/conversation/web/post";
    /** Never more than a page of posts at once: a reader far behind is on an earlier page anyway. */
    private static final int MAX_POSTS_PER_CATCH_UP = TopicPage.POSTS_PER_PAGE;
    private static final MediaType EVENT_TEXT = new MediaType("text", "plain", StandardCharsets.UTF_8);
    private static final Set<DataWithMediaType> HEARTBEAT = Set.of(new DataWithMediaType(":\n\n", EVENT_TEXT));
    /** Nothing of any viewer: no form token, no name; the rendering every reader may see. */
    private static final Page NEUTRAL_PAGE = new Page(null, null, false, null);

    private final Map<String, Topic> topics = new ConcurrentHashMap<>();
    // one virtual thread per stream and event: a slow reader never holds up the others
    private final ExecutorService sending = Executors.newVirtualThreadPerTaskExecutor();
    private final Conversations conversations;
    private final Communities communities;
    private final PostExtensions extensions;
    private final ReadersChoices readersChoices;
    private final TemplateEngine templates;
    private final LiveBus bus;
    private final Duration streamTimeout;
    private final LiveStreams streams;
    private final Counter renders;
    private volatile boolean running = true;

    LiveTopics(Conversations conversations, Communities communities, PostExtensions extensions,
            ObjectProvider<ReadersChoices> readersChoices, TemplateEngine templates, LiveBus bus,
            MeterRegistry meters,
            @Value("${hearth.live.stream-timeout:15m}") Duration streamTimeout,
            LiveStreams streams) {
        this.conversations = conversations;
        this.communities = communities;
        this.extensions = extensions;
        this.readersChoices = readersChoices.getIfUnique(() -> reader -> ReadersChoices.Choices.NONE);
        this.templates = templates;
        this.bus = bus;
        this.streamTimeout = streamTimeout;
        this.streams = streams;
        this.renders = Counter.builder("hearth.live.renders")
                .description("posts rendered for live readers (once per post and node, whatever the number of readers)")
                .register(meters);
        bus.subscribe(new LiveBus.Listener() {
            @Override
            public void signal(LiveSignal signal) {
                if (signal.subject().startsWith(SUBJECT)) {
                    news(signal.subject().substring(SUBJECT.length()), signal.position());
                } else if (signal.subject().startsWith(LEFT)) {
                    String[] ids = signal.subject().substring(LEFT.length()).split(":");
                    if (ids.length == 2) {
                        end(stream -> stream.readerId != null && ids[1].equals(stream.readerId)
                                && ids[0].equals(stream.communityId));
                    }
                } else if (signal.subject().startsWith(CLOSED)) {
                    closed(signal.subject().substring(CLOSED.length()));
                }
            }

            @Override
            public void mayHaveMissedSignals() {
                end(stream -> stream.readerId != null && !stream.publicCommunity);
                // a public community made private meanwhile: its visitors and non-members stop reading
                Map<String, Boolean> stillPublic = new ConcurrentHashMap<>();
                end(stream -> stream.publicCommunity
                        && !stillPublic.computeIfAbsent(stream.slug, LiveTopics.this::stillPublic));
                topics.keySet().forEach(topicId -> news(topicId, Long.MAX_VALUE));
            }
        });
    }

    /** Whether another stream fits in this node's budget ({@link LiveStreams}). */
    boolean hasRoom() {
        return streams.hasRoom();
    }

    /**
     * Opens a stream of the topic's new posts for a reader whose access was checked. It starts
     * after {@code after} (the last position the reader has), or after the topic's latest post
     * when the reader has nothing yet.
     */
    SseEmitter open(Access access, Viewer reader, String topicId, TopicKind kind, int latest, Integer after) {
        Access everyReader = access.asEveryReader();
        long lifetime = streamTimeout.toMillis() - ThreadLocalRandom.current().nextLong(streamTimeout.toMillis() / 5 + 1);
        SseEmitter emitter = new SseEmitter(lifetime); // spread out, so readers do not all reconnect at once
        Stream stream = new Stream(topicId, access.community().id(), access.community().slug(),
                access.community().visibility() == Visibility.PUBLIC, reader == null ? null : reader.memberId(),
                reader == null ? Set.of() : readersChoices.of(reader.memberId()).blockedAuthors(),
                emitter, after == null ? latest : after);
        emitter.onCompletion(() -> remove(stream));
        emitter.onError(error -> remove(stream));
        emitter.onTimeout(() -> {
            remove(stream);
            emitter.complete(); // a normal end: the browser reconnects and is checked again
        });
        // the browser's reconnection delay, spread out too; the comment lets a client know it is connected
        long retry = 2000 + ThreadLocalRandom.current().nextLong(6000);
        stream.send(Set.of(new DataWithMediaType("retry:" + retry + "\n:ok\n\n", EVENT_TEXT)));
        topics.compute(topicId, (id, topic) -> {
            Topic t = topic == null ? new Topic(everyReader, kind) : topic;
            t.streams.add(stream);
            stream.topic = t;
            return t;
        });
        streams.opened();
        if (!running) {
            remove(stream);
            emitter.complete();
            return emitter;
        }
        // Checked again now that it is registered: a leave or a settings change that committed
        // after the first check but before this stream was registered found no stream to end.
        if (!stillReads(access, reader)) {
            stream.end();
            return emitter;
        }
        // what was posted between the page and this stream; also closes the gap between reading
        // "latest" and registering, because a stream never gets a position twice
        List<Frame> missed = frames(everyReader, topicId, kind, stream.last);
        if (!missed.isEmpty()) {
            stream.deliver(missed);
        }
        return emitter;
    }

    @TransactionalEventListener(fallbackExecution = true)
    void replyPosted(ReplyPosted reply) {
        bus.publish(new LiveSignal(SUBJECT + reply.topicId(), reply.position()));
    }

    /**
     * The community may have become more private: every stream of it ends, on every node, and
     * readers are checked again when they reconnect. (Done on every change of settings: they are
     * rare, and no change is then ever missed.)
     */
    @TransactionalEventListener(fallbackExecution = true)
    void settingsChanged(CommunitySettingsChanged changed) {
        bus.publish(new LiveSignal(CLOSED + changed.communityId(), 0));
    }

    /** A topic moved away: its community's streams end, as when its settings change, and readers are checked again. */
    @TransactionalEventListener(fallbackExecution = true)
    void topicMoved(org.hearth.conversation.TopicMoved moved) {
        bus.publish(new LiveSignal(CLOSED + moved.fromCommunityId(), 0));
    }

    /** Identifiers only travel on the bus: which community, which member, never a name. */
    @TransactionalEventListener(fallbackExecution = true)
    void memberLeft(MemberLeft left) {
        bus.publish(new LiveSignal(LEFT + left.communityId() + ":" + left.memberId(), 0));
    }

    /**
     * Forgets the access this community's topics were rendered with, then ends their streams. A
     * stream opening meanwhile starts a topic afresh with the access it was checked with.
     */
    private void closed(String communityId) {
        for (var entry : topics.entrySet()) {
            Topic topic = entry.getValue();
            if (topic.access.community().id().equals(communityId) && topics.remove(entry.getKey(), topic)) {
                topic.streams.forEach(Stream::end);
            }
        }
    }

    /** Whether the reader may still read the community as it was when their stream opened. */
    private boolean stillReads(Access access, Viewer reader) {
        return communities.visibleTo(access.community().slug(), reader)
                .filter(now -> now.canRead() && now.community().equals(access.community()))
                .isPresent();
    }

    private boolean stillPublic(String slug) {
        return communities.visibleTo(slug, null).filter(now -> now.community().visibility() == Visibility.PUBLIC)
                .isPresent();
    }

    /** Ends the streams here that match; their browsers reconnect and are checked again. */
    private void end(Predicate<Stream> which) {
        for (Topic topic : topics.values()) {
            for (Stream stream : topic.streams) {
                if (which.test(stream)) {
                    stream.end();
                }
            }
        }
    }

    /** Something new at this position of the topic: loaded and rendered once, sent to every stream here. */
    private void news(String topicId, long position) {
        Topic topic = topics.get(topicId);
        if (topic == null || !running) {
            return;
        }
        int from = Integer.MAX_VALUE;
        for (Stream stream : topic.streams) {
            from = Math.min(from, stream.last);
        }
        if (from == Integer.MAX_VALUE || position <= from) {
            return;
        }
        List<Frame> frames = frames(topic.access, topicId, topic.kind, from);
        if (frames.isEmpty()) {
            return;
        }
        for (Stream stream : topic.streams) {
            sending.execute(() -> stream.deliver(frames));
        }
    }

    /** Keeps idle streams open through proxies, and finds the readers who left. */
    @Scheduled(fixedDelayString = "${hearth.live.heartbeat:25s}", initialDelayString = "${hearth.live.heartbeat:25s}")
    void heartbeat() {
        if (!running) {
            return;
        }
        for (Topic topic : topics.values()) {
            for (Stream stream : topic.streams) {
                sending.execute(() -> stream.send(HEARTBEAT));
            }
        }
    }

    private List<Frame> frames(Access access, String topicId, TopicKind kind, int after) {
        List<PostView> posts = conversations.postsForEveryone(access, topicId, after, MAX_POSTS_PER_CATCH_UP);
        List<Frame> frames = new ArrayList<>(posts.size());
        // other features' additions as every reader may see them, asked once for all these posts
        PostAdditions additions = extensions.of(PostsOnPage.asSeenByEveryone(access, topicId, kind, posts));
        for (PostView post : posts) {
            frames.add(frame(access, post, additions));
        }
        return frames;
    }

    private Frame frame(Access everyReader, PostView post, PostAdditions additions) {
        StringOutput html = new StringOutput(4096);
        templates.render(POST + ".jte", Map.of("page", NEUTRAL_PAGE, "access", everyReader, "post", post,
                "reactionKinds", ReactionKind.values(), "additions", additions), html);
        renders.increment();
        StringBuilder event = new StringBuilder(html.toString().length() + 64)
                .append("id:").append(post.position()).append("\nevent:reply\n");
        for (String line : html.toString().strip().split("\r\n|\r|\n")) {
            event.append("data:").append(line).append('\n');
        }
        event.append('\n');
        // authorId is null for an anonymous post here (rendered for everyone): it is never held back
        return new Frame(post.position(), post.authorId(), Set.of(new DataWithMediaType(event.toString(), EVENT_TEXT)));
    }

    private void remove(Stream stream) {
        if (stream.removed.compareAndSet(false, true)) {
            streams.closed();
            Topic own = stream.topic;
            if (own != null) {
                own.streams.remove(stream); // of a topic forgotten meanwhile, perhaps
            }
            topics.computeIfPresent(stream.topicId, (id, topic) -> {
                topic.streams.remove(stream);
                return topic.streams.isEmpty() ? null : topic;
            });
        }
    }

    @Override
    public void start() {
        running = true;
    }

    /**
     * Ends every stream before the server stops, so browsers reconnect to another node at once.
     * The node may be started again (Spring pauses and resumes idle contexts), so nothing is
     * shut down here.
     */
    @Override
    public void stop() {
        running = false;
        for (Topic topic : topics.values()) {
            for (Stream stream : topic.streams) {
                remove(stream);
                try {
                    stream.emitter.complete();
                } catch (RuntimeException e) {
                    // already ended
                }
            }
        }
    }

    @PreDestroy
    void close() {
        sending.shutdown();
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    /**
     * The readers of one topic on this node (each was checked when their stream opened), and the
     * access every reader has: new posts are loaded and shown with it, the same for all of them.
     */
    private static final class Topic {

        final Access access;
        final TopicKind kind;
        final Set<Stream> streams = ConcurrentHashMap.newKeySet();

        Topic(Access access, TopicKind kind) {
            this.access = access;
            this.kind = kind;
        }
    }

    /** One rendered post; {@code authorId} null when anonymous or of a deleted account. */
    private record Frame(int position, String authorId, Set<DataWithMediaType> event) {
    }

    private final class Stream {

        final String topicId;
        final String communityId;
        final String slug;
        final boolean publicCommunity;
        /** The signed-in reader, or null for a visitor. */
        final String readerId;
        /** Whom the reader blocked when the stream opened: their replies are not sent here. */
        final Set<String> blocked;
        final SseEmitter emitter;
        final ReentrantLock lock = new ReentrantLock();
        final AtomicBoolean removed = new AtomicBoolean();
        /** The latest position sent, or known to the reader. */
        volatile int last;
        /** The topic it was registered with. */
        volatile Topic topic;

        Stream(String topicId, String communityId, String slug, boolean publicCommunity, String readerId,
                Set<String> blocked, SseEmitter emitter, int last) {
            this.topicId = topicId;
            this.communityId = communityId;
            this.slug = slug;
            this.publicCommunity = publicCommunity;
            this.readerId = readerId;
            this.blocked = blocked;
            this.emitter = emitter;
            this.last = last;
        }

        /** Nothing more is sent, not even what is being delivered right now. */
        void end() {
            remove(this);
            lock.lock();
            try {
                emitter.complete();
            } catch (RuntimeException e) {
                // already ended
            } finally {
                lock.unlock();
            }
        }

        /** Sends the frames this reader does not have yet, in order. */
        void deliver(List<Frame> frames) {
            lock.lock();
            try {
                for (Frame frame : frames) {
                    if (frame.position > last && !removed.get()) {
                        if (frame.authorId == null || !blocked.contains(frame.authorId)) {
                            emitter.send(frame.event);
                        }
                        last = frame.position;
                    }
                }
            } catch (IOException | IllegalStateException e) {
                gone();
            } finally {
                lock.unlock();
            }
        }

        void send(Set<DataWithMediaType> data) {
            lock.lock();
            try {
                emitter.send(data);
            } catch (IOException | IllegalStateException e) {
                gone();
            } finally {
                lock.unlock();
            }
        }

        /** The reader left (or the stream already ended): forget it; the container ends the request. */
        private void gone() {
            remove(this);
        }
    }
}
