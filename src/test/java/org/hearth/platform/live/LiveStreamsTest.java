package org.hearth.platform.live;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** How many live streams a node takes by default, from its heap. */
class LiveStreamsTest {

    private static final long MB = 1024 * 1024;

    @Test
    void aNodeTakesAsManyStreamsAsItsHeapHolds() {
        assertThat(LiveStreams.thatFit(1024 * MB)).isEqualTo(6553);
        assertThat(LiveStreams.thatFit(1536 * MB)).as("ten thousand fit").isEqualTo(10_000);
        assertThat(LiveStreams.thatFit(8192 * MB)).as("never more than ten thousand by default").isEqualTo(10_000);
        assertThat(LiveStreams.thatFit(256 * MB)).as("a few, even on a tiny heap").isEqualTo(100);
    }
}
