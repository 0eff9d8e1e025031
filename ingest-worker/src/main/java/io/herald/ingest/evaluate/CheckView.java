package io.herald.ingest.evaluate;

/** What the component rollup needs of a check: its health and the words behind it. */
public interface CheckView {
    CheckHealth state();

    String detail();
}
