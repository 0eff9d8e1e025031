package io.herald.api.admin.oidc;

import java.util.Collection;
import java.util.List;
import java.util.Locale;

/**
 * Whether a person the provider vouches for, and whom no operator matches, becomes an operator at this sign-in.
 * Off when neither email domains nor groups are configured; each one configured must hold (a domain and a group,
 * when both are listed).
 */
public final class AutoProvisionRule {
    private AutoProvisionRule() {
    }

    /**
     * @param domains the allowed email domains (empty: no domain rule)
     * @param groups the allowed groups (empty: no group rule)
     * @param verifiedEmail the person's email address, only when the provider does not say it is unverified
     * @param memberOf the values of the person's groups claim
     */
    public static boolean allows(List<String> domains, List<String> groups, String verifiedEmail,
            Collection<String> memberOf) {
        if (domains.isEmpty() && groups.isEmpty()) {
            return false;
        }
        if (!domains.isEmpty()) {
            String domain = domainOf(verifiedEmail);
            if (domain == null || domains.stream().noneMatch(d -> d.trim().toLowerCase(Locale.ROOT).equals(domain))) {
                return false;
            }
        }
        return groups.isEmpty() || memberOf.stream().anyMatch(groups::contains);
    }

    static String domainOf(String email) {
        if (email == null) {
            return null;
        }
        int at = email.lastIndexOf('@');
        return at < 1 || at == email.length() - 1 ? null : email.substring(at + 1).toLowerCase(Locale.ROOT);
    }
}
