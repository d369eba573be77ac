package org.hearth.conversation;

import gg.jte.Content;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * What {@link PostExtension}s show with the posts of a page, by post and by place in the post.
 * Each piece is rendered by the feature that added it; the post's template only puts it in its
 * place, in the order the extensions were asked.
 */
public final class PostAdditions {

    /** Where in a post an addition goes. */
    public enum Place {
        /** In the post's header, after the author's name: a badge, a role. */
        BESIDE_AUTHOR,
        /**
         * Before the text: a notice about the post as a whole. Outside any content warning's fold,
         * so it must not say what the warning folds away.
         */
        ABOVE_BODY,
        /** After the text, before the reactions: notes about what the post says. Also outside the fold. */
        BELOW_BODY
    }

    public static final PostAdditions NONE = new PostAdditions(Map.of());

    private final Map<String, Map<Place, List<Content>>> byPost;

    private PostAdditions(Map<String, Map<Place, List<Content>>> byPost) {
        this.byPost = byPost;
    }

    /** What goes in this place of this post, in order; empty when nothing. */
    public List<Content> at(String postId, Place place) {
        return byPost.getOrDefault(postId, Map.of()).getOrDefault(place, List.of());
    }

    public static Builder builder() {
        return new Builder();
    }

    /** The additions of several extensions, each place keeping the order of the list. */
    public static PostAdditions together(List<PostAdditions> all) {
        Builder together = builder();
        for (PostAdditions additions : all) {
            additions.byPost.forEach((postId, places) ->
                    places.forEach((place, contents) -> contents.forEach(content -> together.add(postId, place, content))));
        }
        return together.build();
    }

    public static final class Builder {

        private final Map<String, Map<Place, List<Content>>> byPost = new HashMap<>();

        private Builder() {
        }

        public Builder add(String postId, Place place, Content content) {
            byPost.computeIfAbsent(postId, id -> new EnumMap<>(Place.class))
                    .computeIfAbsent(place, p -> new ArrayList<>()).add(content);
            return this;
        }

        public PostAdditions build() {
            if (byPost.isEmpty()) {
                return NONE;
            }
            Map<String, Map<Place, List<Content>>> copy = new HashMap<>();
            byPost.forEach((postId, places) -> {
                Map<Place, List<Content>> placesCopy = new EnumMap<>(Place.class);
                places.forEach((place, contents) -> placesCopy.put(place, List.copyOf(contents)));
                copy.put(postId, placesCopy);
            });
            return new PostAdditions(copy);
        }
    }
}
