package io.herald.web.badge;

import java.util.Map;

/**
 * A shields-style badge: grey label on the left, the status in words on a status colour on the right. Widths
 * come from an average glyph width of 11 px Verdana; textLength makes the text fit whatever font draws it.
 */
public record Badge(String label, String message, String colour, int labelWidth, int messageWidth) {
    private static final Map<String, String> COLOURS = Map.of(
            "operational", "#1a7f37", "under_maintenance", "#0969da", "degraded_performance", "#8a5a00",
            "partial_outage", "#b35900", "major_outage", "#cf222e",
            "none", "#1a7f37", "minor", "#8a5a00", "major", "#b35900", "critical", "#cf222e");

    public static Badge of(String label, String message, String status) {
        return new Badge(label, message, COLOURS.getOrDefault(status, "#57606a"), width(label), width(message));
    }

    public int width() {
        return labelWidth + messageWidth;
    }

    public double labelCentre() {
        return labelWidth / 2.0;
    }

    public double messageCentre() {
        return labelWidth + messageWidth / 2.0;
    }

    public int labelTextLength() {
        return labelWidth - 10;
    }

    public int messageTextLength() {
        return messageWidth - 10;
    }

    static int width(String text) {
        return (int) Math.ceil(text.codePointCount(0, text.length()) * 6.6) + 10;
    }
}
