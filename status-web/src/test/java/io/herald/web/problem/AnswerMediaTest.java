package io.herald.web.problem;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class AnswerMediaTest {

    @ParameterizedTest(name = "Accept: {0} -> problem+json {1}")
    @CsvSource(delimiter = '|', nullValues = "null", value = {
            "null | false",
            "'' | false",
            "*/* | false",
            "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8 | false",
            "text/html | false",
            "application/problem+json | true",
            "application/json | true",
            "Application/JSON | true",
            "application/json, text/html;q=0.5 | true",
            "application/json;q=0.5, text/html | false",
            "application/json, text/html | false",
            "application/json;q=0.9, */*;q=0.1 | true",
            "application/* | true",
            "application/*, text/* | false",
            "text/*;q=0.2, application/json;q=0.3 | true",
            "application/json;q=0 | false",
            "application/json;q=oops | false",
            "image/png | false"})
    void shouldAnswerProblemJsonOnlyToARequestThatWeighsJsonAboveHtml(String accept, boolean problem) {
        assertThat(AnswerMedia.prefersProblem(accept)).isEqualTo(problem);
    }
}
