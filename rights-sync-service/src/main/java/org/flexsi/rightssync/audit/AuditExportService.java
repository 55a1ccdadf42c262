package org.flexsi.rightssync.audit;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.flexsi.contracts.Money;
import org.flexsi.platform.time.BusinessTime;
import org.flexsi.rightssync.query.AgencyScope;
import org.flexsi.rightssync.record.Agency;
import org.flexsi.rightssync.record.SyncRecord;

/**
 * Proof for an agency and a (Beijing) day: every decision recorded that day, with the agency's
 * reference and time. Identifies people by person id only; the ID number stays in the system.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.SUPPORTS)
public class AuditExportService {
    static final String HEADER = "record_id,kind,person_id,payment_id,refund_id,region,insurance,months,base,amount,"
            + "paid_at,deadline,status,agency_reference,decided_at,recorded_at,reason";

    /** @param scope the agency that asks; null for operations (all regions) */
    public String csv(Agency agency, AgencyScope scope, LocalDate day) {
        Instant from = day.atStartOfDay(BusinessTime.ZONE).toInstant();
        Instant to = day.plusDays(1).atStartOfDay(BusinessTime.ZONE).toInstant();
        List<SyncRecord> decided = SyncRecord.<SyncRecord>find("agency = ?1 and recordedAt >= ?2 and recordedAt < ?3"
                + " order by recordedAt, seq", agency, from, to).stream()
                .filter(r -> scope == null || scope.serves(r.region)).toList();
        StringBuilder out = new StringBuilder(HEADER).append("\r\n");
        for (SyncRecord r : decided) {
            out.append(Stream.of(r.recordId, r.kind.name(), r.personId, r.paymentId, r.refundId, r.region, r.insurance,
                    String.join(" ", r.monthList()), Money.text(r.base), Money.text(r.amount), r.paidAt,
                    r.deadline, r.status(), r.agencyReference, r.decidedAt, r.recordedAt, r.reason)
                    .map(AuditExportService::cell).collect(Collectors.joining(","))).append("\r\n");
        }
        return out.toString();
    }

    /** RFC 4180 quoting, and a leading quote on text a spreadsheet would run as a formula. */
    static String cell(Object value) {
        String text = Objects.toString(value, "");
        if (!text.isEmpty() && "=+-@\t\r".indexOf(text.charAt(0)) >= 0) {
            text = "'" + text;
        }
        if (text.contains(",") || text.contains("\"") || text.contains("\n") || text.contains("\r")) {
            text = "\"" + text.replace("\"", "\"\"") + "\"";
        }
        return text;
    }
}
