package org.flexsi.rightssync.query;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import org.flexsi.platform.problem.ProblemException;
import org.flexsi.rightssync.record.RecordKind;
import org.flexsi.rightssync.record.Stage;
import org.flexsi.rightssync.record.SyncRecord;

@ApplicationScoped
@Transactional(Transactional.TxType.SUPPORTS)
public class RightsQueryService {
    private static final Pattern MONTH = Pattern.compile("[0-9]{4}-[0-9]{2}");
    private static final int LIMIT = 1000;

    /** @param scope when an agency asks, only the records of its kind in its regions; empty for operations */
    public RecordList records(String paymentId, String personId, Optional<AgencyScope> scope) {
        if (blank(paymentId) && blank(personId)) {
            throw ProblemException.invalid("paymentId", "give paymentId or personId");
        }
        StringBuilder query = new StringBuilder("1 = 1");
        java.util.Map<String, Object> params = new java.util.HashMap<>();
        if (!blank(paymentId)) {
            query.append(" and paymentId = :payment");
            params.put("payment", paymentId);
        }
        if (!blank(personId)) {
            query.append(" and personId = :person");
            params.put("person", personId);
        }
        scope.ifPresent(agency -> {
            query.append(" and agency = :agency and ").append(AgencyScope.regionCondition("region"));
            params.put("agency", agency.agency());
            params.put(AgencyScope.REGION_PARAMETER, agency.regionPrefixes());
        });
        List<SyncRecord> found = SyncRecord.<SyncRecord>find(query + " order by seq", params).page(0, LIMIT).list();
        return RecordList.of(found.stream().map(RecordView::of).toList());
    }

    public MyRights mine(String personId, String month) {
        if (month == null || !MONTH.matcher(month).matches()) {
            throw ProblemException.invalid("month", "must be a month as YYYY-MM");
        }
        try {
            YearMonth.parse(month);
        } catch (DateTimeParseException e) {
            throw ProblemException.invalid("month", "must be a month as YYYY-MM");
        }
        List<SyncRecord> records = SyncRecord.<SyncRecord>find("personId = ?1 and months like ?2 order by seq",
                personId, "%" + month + "%").list().stream()
                // a rejection sent again is represented by its successor
                .filter(r -> r.monthList().contains(month) && r.successorId == null).toList();
        List<MyRights.Item> items = records.stream().map(RightsQueryService::item).toList();
        return new MyRights(month, summary(records), items);
    }

    public RecordList atRisk() {
        List<SyncRecord> found = SyncRecord.<SyncRecord>find("stage not in ('CONFIRMED', 'REJECTED')"
                + " and (overdue = true or atRiskAt is not null) order by deadline, seq").page(0, LIMIT).list();
        return RecordList.of(found.stream().map(RecordView::of).toList());
    }

    /** The ops work list: what the agencies rejected, open entries first, then the resolved ones with their resolution. */
    public RecordList rejected() {
        List<SyncRecord> found = SyncRecord.<SyncRecord>find("stage = ?1"
                + " order by case when resolution is null then 0 else 1 end, recordedAt desc", Stage.REJECTED)
                .page(0, LIMIT).list();
        return RecordList.of(found.stream().map(RecordView::of).toList());
    }

    private static MyRights.Item item(SyncRecord r) {
        String status = switch (r.stage) {
            case CONFIRMED -> "CONFIRMED";
            case REJECTED -> "REJECTED";
            default -> "PENDING";
        };
        return new MyRights.Item(r.insurance, r.agency.name(), r.kind.name(), r.paymentId, status,
                r.stage.decided() ? null : r.deadline, r.overdue && !r.stage.decided(), r.agencyReference,
                r.stage == Stage.CONFIRMED ? r.recordedAt : null, r.reason);
    }

    private static String summary(List<SyncRecord> records) {
        List<SyncRecord> payments = records.stream().filter(r -> r.kind == RecordKind.PAYMENT).toList();
        if (payments.isEmpty()) {
            return "NONE";
        }
        if (payments.stream().anyMatch(r -> r.stage == Stage.REJECTED)) {
            return "REJECTED";
        }
        return payments.stream().allMatch(r -> r.stage == Stage.CONFIRMED) ? "CONFIRMED" : "PENDING";
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }
}
