package io.herald.web.view;

import static org.assertj.core.api.Assertions.assertThat;

import io.herald.web.view.StatusView.IncidentView;
import java.util.List;
import org.junit.jupiter.api.Test;

class IncidentBannerTest {
    private static IncidentView incident(String name) {
        return new IncidentView("1", name, "investigating", "Investigating", "minor", "Minor", null, null, null, null,
                List.of(), null, List.of(), null);
    }

    @Test
    void shouldNameOpenIncidentsWhenEveryComponentIsOperational() {
        assertThat(ViewAssembler.banner("All Systems Operational", List.of(incident("Mail is delayed"),
                incident("VPN drops")), Wording.ENGLISH)).isEqualTo("Active incident: Mail is delayed; VPN drops");
        assertThat(ViewAssembler.banner("Tous les systèmes sont opérationnels", List.of(incident("Courrier lent")),
                Wording.FRENCH)).isEqualTo("Incident en cours\u00a0: Courrier lent");
    }

    @Test
    void shouldKeepTheServicesBannerOtherwise() {
        assertThat(ViewAssembler.banner("Partial outage: ActiveSync", List.of(incident("x")), Wording.ENGLISH))
                .isEqualTo("Partial outage: ActiveSync");
        assertThat(ViewAssembler.banner("All Systems Operational", List.of(), Wording.ENGLISH))
                .isEqualTo("All Systems Operational");
    }
}
