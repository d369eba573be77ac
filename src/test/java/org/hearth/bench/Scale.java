package org.hearth.bench;

/** How big a generated site is. Everything else (members, communities) follows from the posts. */
enum Scale {
    S(10_000, 8),
    M(200_000, 20),
    L(1_000_000, 40);

    final int posts;
    final int communities;

    Scale(int posts, int communities) {
        this.posts = posts;
        this.communities = communities;
    }

    /** About one member for every twenty posts, and never fewer than the signed-in load needs. */
    int members() {
        return Math.max(400, posts / 20);
    }
}
