package io.herald.ingest.evaluate;

/** What the component rollup needs of a check: its health and the words behind it, and whether it is silent. */
public interface CheckView {
    CheckHealth state();

    String detail();

    /** True when its health is its last word and that word is old (silent past expect_every, or forgotten). */
    default boolean stale() {
        return false;
    }

    /** In words, what is stale and since when; empty when fresh. */
    default String staleDetail() {
        return "";
    }

    /** False when nothing is known of it (Herald lost it): the component's status comes from its other checks. */
    default boolean counted() {
        return true;
    }
}
