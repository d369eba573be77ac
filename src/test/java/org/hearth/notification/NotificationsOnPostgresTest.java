package org.hearth.notification;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import org.hearth.HearthApplication;
import org.hearth.community.Visibility;
import org.hearth.testing.EventStream;
import org.hearth.testing.OnPostgres;
import org.hearth.testing.Visitor;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.Environment;

/**
 * The same contract on PostgreSQL, and what only it does: a count raised on one node reaches a
 * member connected to another (the signal travels through LISTEN/NOTIFY).
 */
@OnPostgres
class NotificationsOnPostgresTest extends NotificationsContract {

    @Autowired
    Environment environment;

    @Test
    void aReplyThroughNodeARaisesTheCountOfAMemberConnectedToNodeBWithinASecond() throws Exception {
        Place p = place(Visibility.PUBLIC);
        try (ConfigurableApplicationContext nodeB = new SpringApplicationBuilder(HearthApplication.class).run(
                "--server.port=0", "--hearth.database.url=" + environment.getProperty("hearth.database.url"),
                "--hearth.data-dir=" + Files.createTempDirectory("hearth-node-b-"))) {
            Visitor askerOnB = new Visitor(Integer.parseInt(nodeB.getEnvironment().getProperty("local.server.port")));
            askerOnB.signIn(p.asker().handle(), PASSWORD);
            try (EventStream count = askerOnB.events("/me/notifications/live")) {
                assertThat(count.next(WAIT).data()).isEqualTo("0");
                reply(p, p.writer(), "Posted on node A", false);
                // how fast is for the benchmark to say (speed is never asserted in tests); here: that it arrives
                assertThat(count.next(WAIT).data()).isEqualTo("1");
            }
        }
    }
}
