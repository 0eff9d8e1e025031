package io.herald.ingest.heartbeat;

import io.herald.ingest.webhook.format.FieldText;
import io.herald.model.CheckOutcome;
import io.herald.model.problem.Problem;
import io.herald.model.problem.ProblemException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * What one beat says: {@code ?status=up|down} (up when absent; any case, nothing around it), and a detail from the
 * {@code msg} parameter or the text body, not both, bounded in length, with free text's rules (tab, CR and LF, no
 * other control character). Without a detail the words say what happened.
 *
 * @param outcome up or down
 * @param detail  the job's words, or Herald's
 */
record BeatReport(CheckOutcome outcome, String detail) {

    /**
     * @param status    the {@code status} parameter, or null
     * @param msg       the {@code msg} parameter, or null
     * @param body      the request body, empty when none
     * @param maxDetail the longest detail: bytes of the body, characters of {@code msg}
     * @throws ProblemException 400 for a bad parameter, 413 for a long body, 422 for a body that is not text
     */
    static BeatReport read(String status, String msg, byte[] body, int maxDetail) {
        CheckOutcome outcome = outcome(status);
        Optional<String> fromBody = body(body, maxDetail);
        Optional<String> fromMsg = msg(msg, maxDetail);
        if (fromBody.isPresent() && fromMsg.isPresent()) {
            throw ProblemException.badParameter("msg", "Bad msg",
                    "Give the detail in the msg parameter or in the body, not both.");
        }
        String detail = fromMsg.or(() -> fromBody)
                .orElse(outcome == CheckOutcome.UP ? "Heartbeat received" : "Heartbeat reported down");
        return new BeatReport(outcome, detail);
    }

    private static CheckOutcome outcome(String status) {
        if (status == null) {
            return CheckOutcome.UP;
        }
        FieldText.Result word = FieldText.statusWord(status, "up", "down");
        if (!word.ok()) {
            throw ProblemException.badParameter("status", "Bad status", "status " + word.refusal());
        }
        return CheckOutcome.fromWire(word.word());
    }

    private static Optional<String> msg(String msg, int maxDetail) {
        if (msg == null) {
            return Optional.empty();
        }
        if (msg.length() > maxDetail) {
            throw ProblemException.badParameter("msg", "Bad msg",
                    "msg has " + msg.length() + " characters; the limit is " + maxDetail + ".");
        }
        Optional<String> bad = FieldText.freeText(msg);
        if (bad.isPresent()) {
            throw ProblemException.badParameter("msg", "Bad msg", "msg " + bad.get());
        }
        return Optional.of(msg.strip()).filter(m -> !m.isEmpty());
    }

    private static Optional<String> body(byte[] body, int maxDetail) {
        if (body.length > maxDetail) {
            throw new ProblemException(413, "The body has " + body.length + " bytes; a heartbeat's detail may have "
                    + "at most " + maxDetail + ".");
        }
        String text;
        try {
            text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(body)).toString();
        } catch (CharacterCodingException e) {
            throw unprocessable("The body is not UTF-8 text; send the detail as plain UTF-8 words.");
        }
        Optional<String> bad = FieldText.freeText(text);
        if (bad.isPresent()) {
            throw unprocessable("The body " + bad.get() + ".");
        }
        return Optional.of(text.strip()).filter(t -> !t.isEmpty());
    }

    private static ProblemException unprocessable(String detail) {
        return new ProblemException(Problem.ofStatus(422, detail));
    }
}
