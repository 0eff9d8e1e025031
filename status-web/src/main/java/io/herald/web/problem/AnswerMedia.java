package io.herald.web.problem;

import java.util.Locale;

/**
 * Whether an error goes out as problem+json or as a page in words: problem+json when the request's Accept (RFC 9110,
 * 12.5.1) weighs JSON (application/problem+json or application/json) above HTML, a page otherwise. So a browser, and a
 * client that sends no Accept or accepts any media type, gets words; a program that asks for JSON gets JSON. Each
 * side's weight is that of its most specific range present: the type itself, then its top-level wildcard, then the
 * wildcard of all media types.
 */
public final class AnswerMedia {
    private AnswerMedia() {
    }

    public static boolean prefersProblem(String accept) {
        if (accept == null || accept.isBlank()) {
            return false;
        }
        double[] html = {-1, -1, -1};
        double[] json = {-1, -1, -1};
        for (String range : accept.split(",")) {
            // limit -1: ";;;" splits into empty parts rather than none (it once threw, a 500 on any refused form)
            String[] parts = range.split(";", -1);
            String type = parts[0].strip().toLowerCase(Locale.ROOT);
            double q = weight(parts);
            switch (type) {
                case "text/html" -> html[0] = Math.max(html[0], q);
                case "text/*" -> html[1] = Math.max(html[1], q);
                case "application/problem+json", "application/json" -> json[0] = Math.max(json[0], q);
                case "application/*" -> json[1] = Math.max(json[1], q);
                case "*/*" -> {
                    html[2] = Math.max(html[2], q);
                    json[2] = Math.max(json[2], q);
                }
                default -> {
                    // another media type says nothing of these two
                }
            }
        }
        return mostSpecific(json) > mostSpecific(html);
    }

    private static double mostSpecific(double[] weights) {
        for (double weight : weights) {
            if (weight >= 0) {
                return weight;
            }
        }
        return 0;
    }

    /** A missing q is 1; one that cannot be read counts as 0 (not this one). */
    private static double weight(String[] parts) {
        for (int i = 1; i < parts.length; i++) {
            String parameter = parts[i].strip();
            if (parameter.length() > 1 && (parameter.charAt(0) == 'q' || parameter.charAt(0) == 'Q')
                    && parameter.substring(1).strip().startsWith("=")) {
                try {
                    double q = Double.parseDouble(parameter.substring(parameter.indexOf('=') + 1).strip());
                    return q >= 0 && q <= 1 ? q : 0;
                } catch (NumberFormatException e) {
                    return 0;
                }
            }
        }
        return 1;
    }
}
