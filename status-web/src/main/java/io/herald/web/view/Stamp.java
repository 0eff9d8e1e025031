package io.herald.web.view;

/**
 * A moment as the page shows it.
 *
 * @param iso  ISO-8601 instant, for a {@code <time datetime>} attribute
 * @param text the same moment in words, in the page's time zone
 */
public record Stamp(String iso, String text) {
}
