package org.hearth.conversation;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.time.Duration;
import java.util.Map;
import org.hearth.HearthApplication;
import org.hearth.community.JoinPolicy;
import org.hearth.community.Visibility;
import org.hearth.testing.EventStream;
import org.hearth.testing.OnPostgres;
import org.hearth.testing.Visitor;
import org.jooq.DSLContext;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.Environment;

/**
 * The same contract on PostgreSQL, and what only PostgreSQL does: several nodes sharing one
 * database hear each other's replies through LISTEN/NOTIFY.
 */
@OnPostgres
class LiveUpdatesOnPostgresTest extends LiveUpdatesContract {

    @Autowired
    Environment environment;

    @Autowired
    DSLContext db;

    @Test
    void leavingOnOneNodeEndsTheMembersStreamsOnTheOthers() throws Exception {
        String slug = community(account(unique("owner")), Visibility.MEMBERS_ONLY, JoinPolicy.OPEN, false);
        String leaverHandle = unique("leaver");
        Visitor leaver = member(leaverHandle);
        leaver.submit("/c/" + slug + "/join", AGREEING);
        String topic = start(leaver, slug, "Two nodes, one leave");
        String staysHandle = unique("stays");
        Visitor stays = member(staysHandle);
        stays.submit("/c/" + slug + "/join", AGREEING);

        try (ConfigurableApplicationContext nodeB = new SpringApplicationBuilder(HearthApplication.class).run(
                "--server.port=0", "--hearth.database.url=" + environment.getProperty("hearth.database.url"),
                "--hearth.data-dir=" + Files.createTempDirectory("hearth-node-b-"), "--hearth.live.heartbeat=1s")) {
            int portB = Integer.parseInt(nodeB.getEnvironment().getProperty("local.server.port"));
            Visitor leaverOnB = new Visitor(portB);
            leaverOnB.signIn(leaverHandle, PASSWORD);
            Visitor staysOnB = new Visitor(portB);
            staysOnB.signIn(staysHandle, PASSWORD);
            try (EventStream leaving = following(leaverOnB, topic); EventStream staying = following(staysOnB, topic)) {
                assertThat(leaver.submit("/c/" + slug + "/leave", Map.of("confirmed", "true")).status()).isEqualTo(200);
                assertThat(leaving.awaitEnd(Duration.ofSeconds(5))).as("node B ends their stream").isTrue();
                assertThat(leaverOnB.events(topic + "/live", "0").status()).isEqualTo(404);
                reply(stays, topic, "Posted on node A after the leave.");
                assertThat(staying.next(WAIT)).as("another member's stream on node B goes on").isNotNull();
            }
        }
    }

    @Test
    void makingACommunityMembersOnlyOnOneNodeEndsVisitorsStreamsOnTheOthers() throws Exception {
        var owner = account(unique("owner"));
        String slug = community(owner, Visibility.PUBLIC, JoinPolicy.OPEN, false);
        String topic = start(joined(slug), slug, "Two nodes, one change");

        try (ConfigurableApplicationContext nodeB = new SpringApplicationBuilder(HearthApplication.class).run(
                "--server.port=0", "--hearth.database.url=" + environment.getProperty("hearth.database.url"),
                "--hearth.data-dir=" + Files.createTempDirectory("hearth-node-b-"), "--hearth.live.heartbeat=1s")) {
            Visitor onB = new Visitor(Integer.parseInt(nodeB.getEnvironment().getProperty("local.server.port")));
            try (EventStream reading = following(onB, topic)) {
                makeMembersOnly(owner, slug);
                assertThat(reading.awaitEnd(Duration.ofSeconds(5))).as("node B ends the visitor's stream").isTrue();
                assertThat(onB.events(topic + "/live", "0").status()).isEqualTo(404);
            }
        }
    }

    @Test
    void aReaderOnAnotherNodeSeesAReplyPostedOnThisOne() throws Exception {
        String slug = community(account(unique("owner")), Visibility.PUBLIC, JoinPolicy.OPEN, false);
        Visitor author = joined(slug);
        String topic = start(author, slug, "Two nodes, one topic");

        // as arguments, which come before application.properties (default properties would not)
        try (ConfigurableApplicationContext nodeB = new SpringApplicationBuilder(HearthApplication.class).run(
                "--server.port=0", "--hearth.database.url=" + environment.getProperty("hearth.database.url"),
                "--hearth.data-dir=" + Files.createTempDirectory("hearth-node-b-"), "--hearth.live.heartbeat=1s")) {
            Visitor onB = new Visitor(Integer.parseInt(nodeB.getEnvironment().getProperty("local.server.port")));
            try (EventStream reader = following(onB, topic)) {
                reply(author, topic, "Posted on node A.");
                var event = reader.next(WAIT);
                assertThat(event).as("the reply reaches node B").isNotNull();
                assertThat(post(event).select(".body").text()).isEqualTo("Posted on node A.");

                // both nodes lose their listening connections; node B listens again and catches up,
                // whether the next reply is announced before or after it is back
                int ended = db.fetch("select pg_terminate_backend(pid) from pg_stat_activity"
                        + " where application_name = 'hearth-live' and datname = current_database()").size();
                assertThat(ended).as("listening connections, one per node").isEqualTo(2);
                reply(author, topic, "Posted while node B was reconnecting.");
                var next = reader.next(Duration.ofSeconds(20));
                assertThat(next).isNotNull();
                assertThat(next.id()).isEqualTo("2");
                assertThat(post(next).select(".body").text()).isEqualTo("Posted while node B was reconnecting.");
            }
        }
    }
}
