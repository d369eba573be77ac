package org.hearth.conversation.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** How many live streams a node takes by default, from its heap. */
class LiveTopicsTest {

    private static final long MB = 1024 * 1024;

    @Test
    void aNodeTakesAsManyStreamsAsItsHeapHolds() {
        assertThat(LiveTopics.streamsThatFit(1024 * MB)).isEqualTo(6553);
        assertThat(LiveTopics.streamsThatFit(1536 * MB)).as("ten thousand fit").isEqualTo(10_000);
        assertThat(LiveTopics.streamsThatFit(8192 * MB)).as("never more than ten thousand by default").isEqualTo(10_000);
        assertThat(LiveTopics.streamsThatFit(256 * MB)).as("a few, even on a tiny heap").isEqualTo(100);
    }
}
