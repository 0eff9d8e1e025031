package io.herald.api.subscriber;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A subscriber as the API shows it; secret and unsubscribe_url only in the answer that created it. */
@Schema(name = "Subscription")
@JsonInclude(JsonInclude.Include.NON_NULL)
public record SubscriptionView(
        @JsonProperty("id") long id,
        @JsonProperty("kind") String kind,
        @JsonProperty("target") String target,
        @JsonProperty("components") List<String> components,
        @JsonProperty("component_changes") boolean componentChanges,
        @JsonProperty("confirmed") boolean confirmed,
        @JsonProperty("created_at") String createdAt,
        @JsonProperty("created_by") String createdBy,
        @JsonProperty("unsubscribed_at") String unsubscribedAt,
        @JsonProperty("unsubscribe_reason") String unsubscribeReason,
        @Schema(description = "The webhook signing secret (Standard Webhooks, whsec_...): shown only once, keep it")
        @JsonProperty("secret") String secret,
        @Schema(description = "Ends this subscription; shown only once")
        @JsonProperty("unsubscribe_url") String unsubscribeUrl) {

    static SubscriptionView of(Subscriber subscriber, String secret, String unsubscribeUrl) {
        return new SubscriptionView(subscriber.id(), subscriber.kind().wire(), subscriber.target(),
                subscriber.componentIds(), subscriber.componentChanges(), subscriber.confirmed(),
                subscriber.createdAt().toString(), subscriber.createdBy(),
                subscriber.unsubscribedAt() == null ? null : subscriber.unsubscribedAt().toString(),
                subscriber.unsubscribeReason(), secret, unsubscribeUrl);
    }
}
