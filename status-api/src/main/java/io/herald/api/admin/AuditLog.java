package io.herald.api.admin;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;

/** Writes audit entries inside the caller's transaction, so a change and its entry commit together. */
@ApplicationScoped
public class AuditLog {
    private final ObjectMapper mapper;

    public AuditLog(ObjectMapper mapper) {
        this.mapper = mapper;
    }

    public Uni<Void> record(Actor actor, String action, String target, Object before, Object after) {
        AuditEntryEntity entry = new AuditEntryEntity();
        entry.at = Instant.now();
        entry.actor = actor == null ? "system" : actor.name();
        entry.action = action;
        entry.target = target;
        entry.before = json(before);
        entry.after = json(after);
        return entry.persist().replaceWithVoid();
    }

    private String json(Object value) {
        if (value == null) {
            return null;
        }
        try {
            return mapper.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            return String.valueOf(value);
        }
    }
}
