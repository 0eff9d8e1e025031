package io.herald.model.catalog.options;

import static io.herald.model.catalog.CatalogSnippet.CHECK;
import static io.herald.model.catalog.CatalogSnippet.assertRefused;
import static io.herald.model.catalog.CatalogSnippet.check;
import static io.herald.model.catalog.CatalogSnippet.loadCheck;
import static org.assertj.core.api.Assertions.assertThat;

import io.herald.model.catalog.CheckDef;
import io.herald.model.catalog.CheckType;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class StatuspageOptionsParserTest {

    @Test
    void shouldReadTheVendorPageAndComponentAsAPullWithPullDefaults() {
        CheckDef check = loadCheck("type: statuspage; url: https://vendor.test/api/v2/summary.json; "
                + "component: Exchange Online");
        assertThat(check.options()).isEqualTo(new StatuspageOptions("https://vendor.test/api/v2/summary.json",
                "Exchange Online"));
        assertThat(check.type().kind()).isEqualTo(CheckType.Kind.PULL);
        assertThat(check.interval()).isEqualTo(Duration.ofMinutes(1));
        assertThat(check.failuresToDown()).isEqualTo(1);
        assertThat(check.successesToUp()).isEqualTo(1);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "type: statuspage; component: Exchange Online            | c.yaml:9: @: 'url' is missing",
            "type: statuspage; url: https://vendor.test              | c.yaml:9: @: 'component' is missing",
            "type: statuspage; url: https://vendor.test; component: \"\" | c.yaml:12: @.component: must not be empty",
            "type: statuspage; url: https://v.test; component: X; quorum: 2 | c.yaml:13: @.quorum: only probes run from several locations; a statuspage check has no quorum",
    })
    void shouldRefuse(String keys, String message) {
        assertRefused(check(keys), message.replace("@", CHECK));
    }
}
