package io.herald.web.admin;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;

/** The operators' message templates from status-api: what the dashboard lists, and each one as a filled-in form. */
public record IncidentTemplates(List<Choice> choices, List<JsonNode> raw) {

    /** A template as the dashboard links it. */
    public record Choice(String id, String name) {
    }

    static IncidentTemplates of(JsonNode list) {
        List<Choice> choices = new java.util.ArrayList<>();
        List<JsonNode> raw = new java.util.ArrayList<>();
        if (list != null) {
            for (JsonNode t : list) {
                raw.add(t);
                choices.add(new Choice(t.path("id").asText(), t.path("name").asText(t.path("title").asText(""))));
            }
        }
        return new IncidentTemplates(List.copyOf(choices), List.copyOf(raw));
    }

    /** The new-incident form filled in from the template with this id, or the empty form. */
    IncidentForm form(String id) {
        IncidentForm form = IncidentForm.empty();
        if (id != null) {
            for (JsonNode t : raw) {
                if (id.equals(t.path("id").asText())) {
                    form = new IncidentForm(t.path("name").asText(t.path("title").asText("")),
                            t.path("status").asText("investigating"), t.path("impact").asText("minor"),
                            t.path("body").asText(""), Map.of(), true);
                }
            }
        }
        return form;
    }
}
