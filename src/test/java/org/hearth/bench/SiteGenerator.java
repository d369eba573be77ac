package org.hearth.bench;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.hearth.platform.RandomId;
import org.springframework.security.crypto.argon2.Argon2PasswordEncoder;

/**
 * Writes a deterministic site straight into an empty, migrated database: the same scale and seed
 * give the same communities, members, topics, posts and reactions on either engine.
 *
 * <p>Shape: community sizes fall off like 1/rank; each member belongs to one to four
 * communities; replies per topic follow a Pareto tail (most topics have a few replies, a few have
 * hundreds, at most 900); about half the posts carry reactions. Evidence notes are not generated
 * because Hearth has none yet.
 *
 * <p>The first community is public and open and holds the fixtures the load scenarios use: a
 * topic with exactly {@value #READ_TOPIC_REPLIES} replies and the topics replies are posted to.
 * The second is members-only. The first {@value #READERS} members belong to both and sign in
 * with {@link #PASSWORD}.
 */
final class SiteGenerator {

    static final String PASSWORD = "bench-walnut-orchard-lantern";
    static final int READERS = 32;
    static final int CLINICIAN_EVERY = 100;
    static final int READ_TOPIC_REPLIES = 50;
    static final int REPLY_TOPICS = 20;
    private static final int MAX_REPLIES = 900;
    private static final int FLUSH_EVERY = 5_000;
    private static final long START = Instant.parse("2025-01-01T00:00:00Z").toEpochMilli();
    private static final long DAY = 86_400_000L;
    private static final String[] KINDS = {"QUESTION", "STORY", "DISCUSSION", "DECISION"};
    private static final String[] REACTIONS = {"HELPFUL", "ME_TOO", "HUG"};
    private static final String[] WORDS = ("treatment dose morning tired doctor appointment scan results "
            + "side effects nausea sleep walking family support week months diagnosis question "
            + "experience helped waiting nurse clinic pain better worse again today tomorrow "
            + "medication changed started stopped feel felt hope worried calm trial option "
            + "choice surgery recovery energy food water friends work rest breathing exercise "
            + "kidney heart blood pressure levels test infusion therapy plan specialist advice "
            + "careful small steps slowly thank you everyone here shared story").split(" ");
    private static final Argon2PasswordEncoder ENCODER = new Argon2PasswordEncoder(16, 32, 1, 19 * 1024, 2);

    /** What the load scenarios need to know about the generated site. */
    record Site(Scale scale, int members, int communities, int topics, long posts, long reactions,
            long memberships, String readTopicPath, String memberCommunityPath, List<String> replyTopicPaths,
            List<String> readerHandles, long generationMillis, long clinicians, long evidenceNotes, String readDecisionPath) {
    }

    /** A word found in about one post in {@link #RARE_EVERY}: what a search for something specific finds. */
    static final String RARE_WORD = "gastroparesis";
    static final int RARE_EVERY = 2_000;

    private final Scale scale;
    private final SplittableRandom random;
    /** Its own stream, so the rare word leaves the rest of a seed's data as it was. */
    private final SplittableRandom rare;

    SiteGenerator(Scale scale, long seed) {
        this.scale = scale;
        this.random = new SplittableRandom(seed);
        this.rare = new SplittableRandom(seed ^ 0x5EA2C4L);
    }

    /**
     * Every community gets the rules a new one starts with, from the migration's own statements
     * (which gave them to the communities that existed then), so the benchmark's communities
     * have rules like any other.
     */
    private static void startingRules(Connection connection) throws SQLException {
        String migration;
        try (var in = SiteGenerator.class.getResourceAsStream("/db/migration/common/V19__community_rules.sql")) {
            migration = new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        String inserts = migration.substring(migration.indexOf("INSERT INTO community_rule_versions"));
        try (Statement s = connection.createStatement()) {
            for (String insert : inserts.split(";\\s*\\n(?=INSERT)")) {
                s.execute(insert.strip().replaceAll(";$", ""));
            }
        }
    }

    Site generate(Connection connection, boolean postgres) throws SQLException {
        long started = System.nanoTime();
        boolean autoCommit = connection.getAutoCommit();
        if (!postgres) {
            try (Statement s = connection.createStatement()) {
                // Loading only: the file is thrown away if this fails, so no fsync per batch.
                s.execute("PRAGMA synchronous=OFF");
            }
        }
        connection.setAutoCommit(false);
        Rows members = new Rows("members", "id", "handle", "handle_key", "password_hash", "site_admin",
                "created_at");
        Rows communities = new Rows("communities", "id", "slug", "name", "description", "condition_served",
                "visibility", "join_policy", "allow_anonymous", "created_at");
        Rows memberships = new Rows("memberships", "community_id", "member_id", "role", "joined_at");
        Rows topics = new Rows("topics", "id", "community_id", "kind", "title", "created_at",
                "last_activity_at", "reply_count");
        Rows posts = new Rows("posts", "id", "topic_id", "author_id", "anonymous", "opening", "position",
                "body_source", "body_html", "content_warning", "created_at");
        Rows reactions = new Rows("reactions", "post_id", "member_id", "kind");

        String passwordHash = ENCODER.encode(PASSWORD);
        int memberCount = scale.members();
        String[] memberIds = new String[memberCount];
        List<String> readerHandles = new ArrayList<>();
        for (int i = 0; i < memberCount; i++) {
            memberIds[i] = id();
            String handle = "member-%06d".formatted(i + 1);
            if (i < READERS) {
                readerHandles.add(handle);
            }
            members.add(memberIds[i], handle, handle, passwordHash, i == 0, START + i * 60_000L);
        }
        members.flush(connection, postgres);

        int communityCount = scale.communities;
        String[] communityIds = new String[communityCount];
        String[] slugs = new String[communityCount];
        boolean[] anonymousAllowed = new boolean[communityCount];
        double[] weight = new double[communityCount];
        double totalWeight = 0;
        for (int c = 0; c < communityCount; c++) {
            communityIds[c] = id();
            slugs[c] = "community-%02d".formatted(c + 1);
            weight[c] = 1.0 / (c + 1);
            totalWeight += weight[c];
            String visibility = c == 0 ? "PUBLIC" : c == 1 ? "MEMBERS_ONLY" : switch (c % 10) {
                case 0, 3, 6, 8 -> "PUBLIC";
                case 9 -> "HIDDEN";
                default -> "MEMBERS_ONLY";
            };
            String policy = visibility.equals("HIDDEN") ? "INVITATION" : c % 3 == 2 ? "APPROVAL" : "OPEN";
            anonymousAllowed[c] = c % 2 == 1;
            communities.add(communityIds[c], slugs[c], "Community %d".formatted(c + 1),
                    "A place for people living with condition %d and those close to them.".formatted(c + 1),
                    "Condition %d".formatted(c + 1), visibility, policy, anonymousAllowed[c], START);
        }
        communities.flush(connection, postgres);
        startingRules(connection);

        // Members of each community, as indexes into memberIds; readers are in the first two.
        List<List<Integer>> communityMembers = new ArrayList<>();
        for (int c = 0; c < communityCount; c++) {
            communityMembers.add(new ArrayList<>());
        }
        for (int m = 0; m < memberCount; m++) {
            boolean[] joined = new boolean[communityCount];
            if (m < READERS) {
                joined[0] = true;
                joined[1] = true;
            }
            int extra = 1 + (random.nextDouble() < 0.4 ? 1 : 0) + (random.nextDouble() < 0.15 ? 1 : 0);
            for (int k = 0; k < extra; k++) {
                joined[pick(weight, totalWeight)] = true;
            }
            for (int c = 0; c < communityCount; c++) {
                if (joined[c]) {
                    List<Integer> list = communityMembers.get(c);
                    String role = list.isEmpty() ? "OWNER" : list.size() < 3 ? "MODERATOR" : "MEMBER";
                    list.add(m);
                    memberships.add(communityIds[c], memberIds[m], role, START + m * 60_000L);
                }
            }
            if (memberships.pending() >= FLUSH_EVERY) {
                memberships.flush(connection, postgres);
            }
        }
        memberships.flush(connection, postgres);
        connection.commit();

        String readTopicPath = null;
        List<String> replyTopicPaths = new ArrayList<>();
        java.util.Set<Integer> readTopicAuthors = new java.util.LinkedHashSet<>();
        int topicCount = 0;
        for (int c = 0; c < communityCount; c++) {
            long budget = Math.round(scale.posts * weight[c] / totalWeight);
            List<Integer> people = communityMembers.get(c);
            long written = 0;
            while (written < budget || (c == 0 && replyTopicPaths.size() < REPLY_TOPICS)) {
                int replies;
                if (c == 0 && readTopicPath == null) {
                    replies = READ_TOPIC_REPLIES;
                } else {
                    replies = (int) Math.min(MAX_REPLIES, Math.floor(2 * (Math.pow(1 - random.nextDouble(), -1 / 1.3) - 1)));
                    replies = (int) Math.min(replies, Math.max(0, budget - written - 1));
                }
                String topicId = id();
                long created = START + (long) (random.nextDouble() * 600 * DAY);
                long at = created;
                for (int p = 0; p <= replies; p++) {
                    String postId = id();
                    int author = people.get(random.nextInt(people.size()));
                    boolean anonymous = anonymousAllowed[c] && random.nextDouble() < 0.05;
                    String body = body();
                    String warning = random.nextDouble() < 0.03 ? "Talks about " + word() : null;
                    posts.add(postId, topicId, memberIds[author], anonymous, p == 0, p, body, html(body), warning, at);
                    if (c == 0 && readTopicPath == null && !anonymous && p < 25) {
                        readTopicAuthors.add(author);
                    }
                    int reacting = reactionCount(people.size());
                    // consecutive slots from one random start: distinct members, as reactionCount
                    // stays below the community's size
                    int first = random.nextInt(people.size());
                    for (int r = 0; r < reacting; r++) {
                        int who = people.get((first + r) % people.size());
                        reactions.add(postId, memberIds[who], REACTIONS[(p + r) % REACTIONS.length]);
                    }
                    at += 60_000L + (long) (random.nextDouble() * DAY / 4);
                }
                String path = "/c/" + slugs[c] + "/t/" + topicId;
                if (c == 0 && readTopicPath == null) {
                    readTopicPath = path;
                } else if (c == 0 && replyTopicPaths.size() < REPLY_TOPICS) {
                    replyTopicPaths.add(path);
                }
                topics.add(topicId, communityIds[c], KINDS[random.nextInt(KINDS.length)], title(), created,
                        at - 60_000L, replies);
                topicCount++;
                written += replies + 1;
                if (posts.pending() >= FLUSH_EVERY) {
                    flushContent(connection, postgres, topics, posts, reactions);
                }
            }
        }
        flushContent(connection, postgres, topics, posts, reactions);
        String readDecisionPath = decision(connection, postgres, communityIds[0], slugs[0], communityMembers.get(0), memberIds,
                topics, posts, reactions);
        topicCount++;
        List<String> clinicianIds = new java.util.ArrayList<>();
        long clinicians = clinicians(connection, postgres, memberIds, readTopicAuthors, clinicianIds);
        long notes = evidenceNotes(connection, postgres, readTopicPath, clinicianIds, posts.written());
        connection.setAutoCommit(autoCommit);
        return new Site(scale, memberCount, communityCount, topicCount, posts.written(), reactions.written(),
                memberships.written(), readTopicPath, "/c/" + slugs[1], List.copyOf(replyTopicPaths),
                List.copyOf(readerHandles), (System.nanoTime() - started) / 1_000_000, clinicians, notes, readDecisionPath);
    }

    /**
     * Topics of the first community that many members follow, for the notification scenarios:
     * their paths, and the handles of the followers (who all sign in with {@link #PASSWORD}).
     */
    record Followed(List<String> topicPaths, List<String> topicIds, List<String> followerHandles) {

        int followers() {
            return followerHandles.size();
        }
    }

    /**
     * Adds {@code topics} new topics to the first community (each opened by the second reader,
     * none with replies yet), each followed by the same {@code followers} members: the members
     * after the readers, in the order of their handles, so the readers who post are none of them.
     * Members the site lacks are added; those not in the first community join it; each gets a
     * confirmed address, so that a reply's fan-out queues their mail as it would a real member's
     * (a reply's e-mail is sent at once unless a member chooses otherwise). Drawn after everything
     * else, so the rest of a seed's site stays the same.
     */
    Followed follow(Connection connection, boolean postgres, int topics, int followers) throws SQLException {
        boolean autoCommit = connection.getAutoCommit();
        connection.setAutoCommit(false);
        String communityId;
        String slug = "community-01";
        String opener;
        int existing;
        try (Statement s = connection.createStatement()) {
            try (var r = s.executeQuery("SELECT id FROM communities WHERE slug = '" + slug + "'")) {
                r.next();
                communityId = r.getString(1);
            }
            try (var r = s.executeQuery("SELECT id FROM members WHERE handle = 'member-000002'")) {
                r.next();
                opener = r.getString(1);
            }
            try (var r = s.executeQuery("SELECT COUNT(*) FROM members")) {
                r.next();
                existing = r.getInt(1);
            }
        }
        int needed = READERS + followers;
        if (existing < needed) {
            Rows members = new Rows("members", "id", "handle", "handle_key", "password_hash", "site_admin", "created_at");
            String passwordHash = ENCODER.encode(PASSWORD);
            for (int i = existing; i < needed; i++) {
                String handle = "member-%06d".formatted(i + 1);
                members.add(id(), handle, handle, passwordHash, false, START + i * 60_000L);
            }
            members.flush(connection, postgres);
        }
        String first = "member-%06d".formatted(READERS + 1);
        String last = "member-%06d".formatted(needed);
        List<String> ids = new ArrayList<>();
        List<String> handles = new ArrayList<>();
        java.util.Set<String> inCommunity = new java.util.HashSet<>();
        try (var select = connection.prepareStatement(
                "SELECT id, handle FROM members WHERE handle >= ? AND handle <= ? ORDER BY handle")) {
            select.setString(1, first);
            select.setString(2, last);
            try (var r = select.executeQuery()) {
                while (r.next()) {
                    ids.add(r.getString(1));
                    handles.add(r.getString(2));
                }
            }
        }
        try (var select = connection.prepareStatement("SELECT member_id FROM memberships WHERE community_id = ?")) {
            select.setString(1, communityId);
            try (var r = select.executeQuery()) {
                while (r.next()) {
                    inCommunity.add(r.getString(1));
                }
            }
        }
        Rows memberships = new Rows("memberships", "community_id", "member_id", "role", "joined_at");
        for (String id : ids) {
            if (!inCommunity.contains(id)) {
                memberships.add(communityId, id, "MEMBER", START);
            }
        }
        memberships.flush(connection, postgres);
        try (var confirm = connection.prepareStatement("UPDATE members SET email = handle || '@example.org', email_verified_at = ?"
                + " WHERE handle >= ? AND handle <= ? AND email IS NULL")) {
            confirm.setLong(1, START);
            confirm.setString(2, first);
            confirm.setString(3, last);
            confirm.executeUpdate();
        }
        Rows topicRows = new Rows("topics", "id", "community_id", "kind", "title", "created_at", "last_activity_at", "reply_count");
        Rows posts = new Rows("posts", "id", "topic_id", "author_id", "anonymous", "opening", "position",
                "body_source", "body_html", "content_warning", "created_at");
        Rows following = new Rows("topic_followers", "topic_id", "member_id", "stopped", "since");
        List<String> paths = new ArrayList<>();
        List<String> topicIds = new ArrayList<>();
        for (int t = 0; t < topics; t++) {
            String topicId = id();
            long at = START + 600 * DAY + t * 60_000L;
            topicRows.add(topicId, communityId, "DISCUSSION", title(), at, at, 0);
            String body = body();
            posts.add(id(), topicId, opener, false, true, 0, body, html(body), null, at);
            for (String member : ids) {
                following.add(topicId, member, false, at);
            }
            topicIds.add(topicId);
            paths.add("/c/" + slug + "/t/" + topicId);
        }
        topicRows.flush(connection, postgres);
        posts.flush(connection, postgres);
        following.flush(connection, postgres);
        connection.commit();
        connection.setAutoCommit(autoCommit);
        return new Followed(List.copyOf(paths), List.copyOf(topicIds), List.copyOf(handles));
    }

    static final int DECISION_EXPERIENCES = 60;
    private static final String[] DECISION_OPTIONS = {"Insulin pump", "Pens", "Closed loop"};
    private static final String[] DECISION_QUESTIONS = {"How much daily effort did it take?", "How did it affect work?"};

    /**
     * The read decision: a decision topic in the first community, drawn after all other content
     * (so the rest of a seed's site stays the same), with three options, two questions and
     * {@value #DECISION_EXPERIENCES} experiences by distinct members, each answering both
     * questions, one in five updated later, with reactions as on any post.
     */
    private String decision(Connection connection, boolean postgres, String communityId, String slug, List<Integer> people,
            String[] memberIds, Rows topics, Rows posts, Rows reactions) throws SQLException {
        Rows options = new Rows("decision_options", "id", "topic_id", "position", "name", "name_key", "description", "added_at");
        Rows questions = new Rows("decision_questions", "topic_id", "position", "text");
        Rows experiences = new Rows("experiences", "post_id", "topic_id", "member_id", "option_id", "chosen_month", "first_would_again",
                "would_again");
        Rows answers = new Rows("experience_answers", "post_id", "question", "answer");
        Rows updates = new Rows("experience_updates", "id", "post_id", "written_at", "body_source", "body_html", "would_again");
        String topicId = id();
        long created = START + 10 * DAY;
        String[] optionIds = new String[DECISION_OPTIONS.length];
        for (int o = 0; o < optionIds.length; o++) {
            optionIds[o] = id();
            options.add(optionIds[o], topicId, o, DECISION_OPTIONS[o], DECISION_OPTIONS[o].toLowerCase(java.util.Locale.ROOT),
                    "What choosing " + DECISION_OPTIONS[o] + " means.", created);
        }
        for (int q = 0; q < DECISION_QUESTIONS.length; q++) {
            questions.add(topicId, q, DECISION_QUESTIONS[q]);
        }
        String[] again = {"YES", "NOT_SURE", "NO"};
        int writers = Math.min(DECISION_EXPERIENCES, people.size() - 1);
        int first = random.nextInt(people.size());
        long at = created;
        String opening = body();
        posts.add(id(), topicId, memberIds[people.get(first)], false, true, 0, opening, html(opening), null, at);
        for (int e = 1; e <= writers; e++) {
            at += 60_000L + (long) (random.nextDouble() * DAY);
            String postId = id();
            String member = memberIds[people.get((first + e) % people.size())];
            String body = body();
            posts.add(postId, topicId, member, false, false, e, body, html(body), null, at);
            String said = again[random.nextInt(again.length)];
            String now = e % 5 == 0 ? again[random.nextInt(again.length)] : said;
            experiences.add(postId, topicId, member, optionIds[e % optionIds.length], 2020 * 12 + random.nextInt(60), said, now);
            for (int q = 0; q < DECISION_QUESTIONS.length; q++) {
                answers.add(postId, q, title().replace('?', '.'));
            }
            if (e % 5 == 0) {
                String update = body();
                updates.add(id(), postId, at + 90 * DAY, update, html(update), now);
            }
            int reacting = reactionCount(people.size());
            for (int r = 0; r < reacting; r++) {
                reactions.add(postId, memberIds[people.get((first + e + 1 + r) % people.size())], REACTIONS[r % REACTIONS.length]);
            }
        }
        topics.add(topicId, communityId, "DECISION", "Pump, pens or closed loop?", created, at, writers);
        flushContent(connection, postgres, topics, posts, reactions);
        for (Rows rows : List.of(options, questions, experiences, answers, updates)) {
            rows.flush(connection, postgres);
        }
        connection.commit();
        return "/c/" + slug + "/t/" + topicId;
    }

    /**
     * Verified clinicians, chosen without drawing from the random stream (so the rest of a seed's
     * site stays the same): one member in {@value #CLINICIAN_EVERY}, and three of the authors on
     * the first page of the read topic, so its page shows badges.
     */
    static final int NOTE_EVERY = 500;

    private static long clinicians(Connection connection, boolean postgres, String[] memberIds, java.util.Set<Integer> readTopicAuthors,
            List<String> clinicianIds) throws SQLException {
        Rows applications = new Rows("clinician_applications", "id", "member_id", "profession", "specialty", "jurisdiction",
                "register_number", "applied_at", "status", "decided_role", "decided_at", "reason", "expires_at");
        java.util.Set<Integer> chosen = new java.util.TreeSet<>();
        for (int i = 7; i < memberIds.length; i += CLINICIAN_EVERY) {
            chosen.add(i);
        }
        readTopicAuthors.stream().limit(3).forEach(chosen::add);
        long until = START + 5000 * DAY;
        for (int i : chosen) {
            applications.add(RandomId.next(), memberIds[i], i % 2 == 0 ? "PHYSICIAN" : "NURSE", "Specialty " + (i % 12), "United Kingdom",
                    String.format("%07d", i), START, "APPROVED", "SITE_ADMINISTRATOR", START + DAY, "Checked in the register.", until);
            clinicianIds.add(memberIds[i]);
        }
        applications.flush(connection, postgres);
        connection.commit();
        return applications.written();
    }

    /**
     * Evidence notes by the verified clinicians, chosen by the posts' ids (no draws from the
     * random stream): one post in {@value #NOTE_EVERY} site-wide, most shown, and three on the
     * first page of the read topic (two shown, one waiting for ratings), so its page shows notes.
     */
    private static long evidenceNotes(Connection connection, boolean postgres, String readTopicPath, List<String> clinicianIds,
            long postCount) throws SQLException {
        if (clinicianIds.isEmpty()) {
            return 0;
        }
        Rows notes = new Rows("evidence_notes", "id", "community_id", "post_id", "post_author_id", "author_id", "author_kind", "stance",
                "explanation", "explanation_html", "citations", "status", "written_at");
        String readTopic = readTopicPath.substring(readTopicPath.lastIndexOf('/') + 1);
        List<String[]> chosen = new java.util.ArrayList<>();
        try (var onPage = connection.prepareStatement("select p.id, p.author_id, t.community_id from posts p join topics t on t.id = p.topic_id"
                + " where p.topic_id = ? and p.position between 1 and 3 and p.anonymous = " + (postgres ? "false" : "0") + " order by p.position")) {
            onPage.setString(1, readTopic);
            try (var rows = onPage.executeQuery()) {
                while (rows.next()) {
                    chosen.add(new String[] {rows.getString(1), rows.getString(2), rows.getString(3)});
                }
            }
        }
        try (var elsewhere = connection.prepareStatement("select p.id, p.author_id, t.community_id from posts p join topics t on t.id = p.topic_id"
                + " where p.topic_id <> ? order by p.id limit ?")) {
            elsewhere.setString(1, readTopic);
            elsewhere.setLong(2, postCount / NOTE_EVERY);
            try (var rows = elsewhere.executeQuery()) {
                while (rows.next()) {
                    chosen.add(new String[] {rows.getString(1), rows.getString(2), rows.getString(3)});
                }
            }
        }
        String[] stances = {"SUPPORTS", "ADDS_CONTEXT", "CONTRADICTS"};
        for (int n = 0; n < chosen.size(); n++) {
            String[] post = chosen.get(n);
            String author = clinicianIds.get(n % clinicianIds.size());
            if (author.equals(post[1])) {
                author = clinicianIds.get((n + 1) % clinicianIds.size());
            }
            if (author.equals(post[1])) {
                continue;
            }
            notes.add(RandomId.next(), post[2], post[0], post[1], author, "CLINICIAN", stances[n % 3],
                    "Trials found **no lasting effect**; talk to your team first.",
                    "<p>Trials found <strong>no lasting effect</strong>; talk to your team first.</p>",
                    "PUBMED 33301246\nURL https://www.nice.org.uk/guidance/ng28", n == 2 ? "NEEDS_RATINGS" : "SHOWN", START + 2 * DAY);
        }
        notes.flush(connection, postgres);
        connection.commit();
        return notes.written();
    }

    private static void flushContent(Connection connection, boolean postgres, Rows topics, Rows posts, Rows reactions)
            throws SQLException {
        topics.flush(connection, postgres);
        posts.flush(connection, postgres);
        reactions.flush(connection, postgres);
        connection.commit();
    }

    /** Most posts get none, a few get many: 0 (50 %), then a tail up to 25, never more than the community. */
    private int reactionCount(int communitySize) {
        if (random.nextDouble() < 0.5) {
            return 0;
        }
        int n = (int) Math.min(25, Math.floor(Math.pow(1 - random.nextDouble(), -1 / 1.5)));
        return Math.min(n, communitySize - 1);
    }

    private int pick(double[] weight, double total) {
        double x = random.nextDouble() * total;
        for (int i = 0; i < weight.length; i++) {
            x -= weight[i];
            if (x <= 0) {
                return i;
            }
        }
        return weight.length - 1;
    }

    private String title() {
        StringBuilder title = new StringBuilder();
        int words = 4 + random.nextInt(8);
        for (int i = 0; i < words; i++) {
            title.append(i == 0 ? capitalised(word()) : word()).append(i + 1 < words ? " " : "?");
        }
        return title.toString();
    }

    /** One to five paragraphs of 12 to 70 words, as the Markdown a member would type. */
    private String body() {
        StringBuilder body = new StringBuilder();
        int paragraphs = 1 + (int) Math.min(4, Math.floor(Math.pow(1 - random.nextDouble(), -1 / 1.8) - 1));
        for (int p = 0; p < paragraphs; p++) {
            if (p > 0) {
                body.append("\n\n");
            }
            int words = 12 + random.nextInt(58);
            for (int w = 0; w < words; w++) {
                body.append(w == 0 ? capitalised(word()) : word()).append(w + 1 < words ? " " : ".");
            }
        }
        if (rare.nextInt(RARE_EVERY) == 0) {
            body.append(" Gastroparesis too.");
        }
        return body.toString();
    }

    /** What the Markdown renderer makes of such plain paragraphs. */
    private static String html(String body) {
        return "<p>" + body.replace("\n\n", "</p>\n<p>") + "</p>\n";
    }

    private String word() {
        return WORDS[random.nextInt(WORDS.length)];
    }

    private static String capitalised(String word) {
        return Character.toUpperCase(word.charAt(0)) + word.substring(1);
    }

    /** Hearth's own id shape, drawn from the seeded generator. */
    private String id() {
        return RandomId.next(random);
    }
}
