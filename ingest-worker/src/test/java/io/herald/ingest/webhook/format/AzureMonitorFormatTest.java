package io.herald.ingest.webhook.format;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.herald.ingest.support.SourceSettings;
import io.herald.model.CheckOutcome;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class AzureMonitorFormatTest {

    private static final String ALERT_ID = "/subscriptions/11111111-2222-3333-4444-555555555555/providers/"
            + "Microsoft.AlertsManagement/alerts/b9569717-bc32-442f-add5-83a997729330";

    private final AzureMonitorFormat format = new AzureMonitorFormat(Payloads.CLOCK);

    @Test
    void shouldTurnAFiredAlertIntoADownObservationForItsRule() throws PayloadException {
        assertThat(format.parse(Payloads.read("azure-monitor", "firing"), Map.of())).containsExactly(
                new Observation("Exchange hybrid connector unreachable", CheckOutcome.DOWN,
                        "Azure Monitor: Exchange hybrid connector unreachable Fired (Sev1: Connection state is not Connected)",
                        ALERT_ID + "|Fired", Instant.parse("2025-03-04T08:15:30.7022344Z")));
    }

    @Test
    void shouldTurnAResolvedAlertIntoAnUpObservation() throws PayloadException {
        assertThat(format.parse(Payloads.read("azure-monitor", "resolved"), Map.of())).containsExactly(
                new Observation("Exchange hybrid connector unreachable", CheckOutcome.UP,
                        "Azure Monitor: Exchange hybrid connector unreachable Resolved (Sev1: Connection state is not Connected)",
                        ALERT_ID + "|Resolved", Instant.parse("2025-03-04T08:50:02.1234567Z")));
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"Sev0", "Sev1", "Sev2", "Sev3", "Sev4"})
    void shouldTreatEverySeverityAsDownWhenFired(String severity) throws PayloadException {
        byte[] body = Payloads.edit("azure-monitor", "firing",
                root -> Payloads.at(root, "/data/essentials").put("severity", severity));

        assertThat(format.parse(body, Map.of())).extracting(Observation::outcome).containsExactly(CheckOutcome.DOWN);
    }

    @Test
    void shouldNameTheSeverityWhenItIsUnknown() {
        PayloadException error = catchThrowableOfType(PayloadException.class,
                () -> format.parse(Payloads.read("azure-monitor", "malformed"), Map.of()));

        assertThat(error.status()).isEqualTo(422);
        assertThat(error.field()).isEqualTo("/data/essentials/severity");
        assertThat(error.getMessage())
                .isEqualTo("data.essentials.severity must be 'Sev0', 'Sev1', 'Sev2', 'Sev3' or 'Sev4', got 'Sev9'");
    }

    @Test
    void shouldAskForTheCommonSchemaWhenAnOlderSchemaArrives() {
        PayloadException error = catchThrowableOfType(PayloadException.class,
                () -> format.parse(Payloads.read("azure-monitor", "legacy-schema"), Map.of()));

        assertThat(error.status()).isEqualTo(422);
        assertThat(error.field()).isEqualTo("/schemaId");
        assertThat(error.getMessage()).isEqualTo("schemaId must be 'azureMonitorCommonAlertSchema' "
                + "(enable the common alert schema on the action group), got 'AzureMonitorMetricAlert'");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "alertId          | data.essentials.alertId is required",
            "alertRule        | data.essentials.alertRule is required",
            "monitorCondition | data.essentials.monitorCondition is required",
            "firedDateTime    | data.essentials.firedDateTime is required"})
    void shouldNameAMissingEssential(String field, String message) {
        byte[] body = Payloads.edit("azure-monitor", "firing",
                root -> Payloads.at(root, "/data/essentials").remove(field));

        PayloadException error = catchThrowableOfType(PayloadException.class, () -> format.parse(body, Map.of()));

        assertThat(error.field()).isEqualTo("/data/essentials/" + field);
        assertThat(error.getMessage()).isEqualTo(message);
    }

    @Test
    void shouldNameAMonitorConditionThatIsNeitherFiredNorResolved() {
        byte[] body = Payloads.edit("azure-monitor", "firing",
                root -> Payloads.at(root, "/data/essentials").put("monitorCondition", "Flapping"));

        PayloadException error = catchThrowableOfType(PayloadException.class, () -> format.parse(body, Map.of()));

        assertThat(error.getMessage())
                .isEqualTo("data.essentials.monitorCondition must be 'Fired' or 'Resolved', got 'Flapping'");
    }

    @Test
    void shouldNotSignItsDeliveries() {
        assertThat(format.signature(SourceSettings.of("azure-monitor"), List.of("s3cret"))).isEmpty();
        assertThat(format.subjectIsCheckId()).isFalse();
    }
}
