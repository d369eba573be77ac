package org.hearth.conversation;

import static org.hearth.conversation.schema.Tables.POSTS;

import gg.jte.Content;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.IntSupplier;
import org.hearth.conversation.PostAdditions.Place;
import org.jooq.DSLContext;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;

/**
 * A stand-in for another feature that adds something to posts: it marks every post of a page in
 * each place, after one query of its own for the whole page, and remembers what it was shown.
 */
@TestConfiguration(proxyBeanMethods = false)
class MarkingPosts {

    @Bean
    Marks marks(DSLContext db) {
        return new Marks(db);
    }

    static final class Marks implements PostExtension {

        /** Every page the extension was asked about, in order. */
        final List<PostsOnPage> asked = new CopyOnWriteArrayList<>();
        private final DSLContext db;
        private volatile boolean on = true;

        Marks(DSLContext db) {
            this.db = db;
        }

        @Override
        public PostAdditions additions(PostsOnPage page) {
            asked.add(page);
            if (!on) {
                return PostAdditions.NONE;
            }
            Set<String> found = db.select(POSTS.ID).from(POSTS).where(POSTS.ID.in(page.postIds())).fetchSet(POSTS.ID);
            var additions = PostAdditions.builder();
            for (var post : page.posts()) {
                if (found.contains(post.id())) {
                    for (Place place : Place.values()) {
                        additions.add(post.id(), place, mark(place, post.id()));
                    }
                }
            }
            return additions.build();
        }

        /** What the page costs without this extension's query. */
        int switchedOff(IntSupplier visit) {
            on = false;
            try {
                return visit.getAsInt();
            } finally {
                on = true;
            }
        }

        PostsOnPage lastAsked() {
            return asked.getLast();
        }

        private static Content mark(Place place, String postId) {
            String kind = place.name().toLowerCase().replace('_', '-');
            return output -> output.writeContent("<span class=\"mark " + kind + "\" data-post=\"" + postId + "\">marked</span>");
        }
    }
}
