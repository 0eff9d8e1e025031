package io.herald.ingest.probe.tls;

import io.herald.model.CheckOutcome;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;

/**
 * The expiry rule: a certificate past its notAfter is DOWN, one that expires within the warning days is
 * DEGRADED, otherwise UP. Days are counted in calendar days (UTC), the way a person reads the date.
 */
public final class CertificateExpiry {

    private CertificateExpiry() {
    }

    public record Verdict(CheckOutcome outcome, String detail) {
    }

    public static Verdict judge(Instant notAfter, Instant now, int warningDays) {
        LocalDate expiryDate = LocalDate.ofInstant(notAfter, ZoneOffset.UTC);
        long days = ChronoUnit.DAYS.between(LocalDate.ofInstant(now, ZoneOffset.UTC), expiryDate);
        if (!notAfter.isAfter(now)) {
            long ago = Math.max(0, -days);
            String when = ago == 0 ? "today" : ago == 1 ? "1 day ago" : ago + " days ago";
            return new Verdict(CheckOutcome.DOWN, "certificate expired " + when + " (" + expiryDate + ")");
        }
        String when = days == 0 ? "expires today" : days == 1 ? "expires in 1 day" : "expires in " + days + " days";
        String detail = "certificate " + when + " (" + expiryDate + ")";
        return new Verdict(days <= warningDays ? CheckOutcome.DEGRADED : CheckOutcome.UP, detail);
    }
}
