package org.flexsi.assessment.agency;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.core.Response;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.flexsi.assessment.assessment.Assessment;
import org.flexsi.assessment.assessment.AssessmentService;
import org.flexsi.assessment.assessment.AssessmentView;
import org.flexsi.assessment.calc.Months;
import org.flexsi.assessment.calc.RuleViolation;
import org.flexsi.assessment.config.AssessmentConfig;
import org.flexsi.assessment.person.Person;
import org.flexsi.assessment.person.PersonRepository;
import org.flexsi.contracts.Money;
import org.flexsi.contracts.events.LineItem;
import org.flexsi.platform.idempotency.IdempotencyKeys;
import org.flexsi.platform.security.Caller;
import org.flexsi.platform.time.BusinessTime;

/** Agency pushes in bulk: each item stands alone, accepted or rejected with the rule it breaks. */
@ApplicationScoped
@Transactional
public class AgencyAssessmentService {
    private final AssessmentService service;
    private final PersonRepository persons;
    private final IdempotencyKeys idempotency;
    private final Clock clock;
    private final AssessmentConfig config;

    public AgencyAssessmentService(AssessmentService service, PersonRepository persons, IdempotencyKeys idempotency,
            Clock clock, AssessmentConfig config) {
        this.service = service;
        this.persons = persons;
        this.idempotency = idempotency;
        this.clock = clock;
        this.config = config;
    }

    public Response push(AgencyPush push, Caller caller, String idempotencyKey) {
        IdempotencyKeys.require(idempotencyKey);
        return idempotency.once("agency-push:" + caller.subject(), idempotencyKey, push, 200, () -> {
            List<PushResult.Accepted> accepted = new ArrayList<>();
            List<PushResult.Rejected> rejected = new ArrayList<>();
            for (AgencyAssessment item : push.assessments()) {
                // an agency acts only in its own regions: one item outside them refuses the whole push (issue 17)
                caller.requireRegion(item.region());
                Optional<Assessment> known = Assessment.byAgencyReference(item.reference());
                if (known.isPresent()) {
                    accepted.add(new PushResult.Accepted(item.reference(), known.get().serialNumber, true));
                    continue;
                }
                try {
                    accepted.add(new PushResult.Accepted(item.reference(), store(item, caller).serialNumber(), false));
                } catch (RuleViolation e) {
                    rejected.add(new PushResult.Rejected(item.reference(), e.rule(), e.getMessage()));
                }
            }
            return new PushResult(accepted, rejected);
        });
    }

    /** Checks everything before writing anything, so a rejected item leaves no trace. */
    private AssessmentView store(AgencyAssessment item, Caller caller) {
        Person person = person(item);
        caller.requireRegion(person.region());
        Instant now = clock.instant();
        List<LineItem> lines = new ArrayList<>();
        BigDecimal total = BigDecimal.ZERO;
        List<String> insurances = new ArrayList<>();
        List<YearMonth> months = new ArrayList<>();
        for (AgencyLine line : item.lines()) {
            List<YearMonth> lineMonths = Months.distinctSorted(line.months());
            lines.add(new LineItem(line.insurance().name(), Months.format(lineMonths), line.base(), line.rate(), line.amount(),
                    line.part()));
            total = total.add(Money.parse(line.amount()));
            insurances.add(line.insurance().name());
            lineMonths.stream().filter(m -> !months.contains(m)).forEach(months::add);
        }
        service.checkNotPaid(person.personId(), insurances.stream().distinct().toList(), months);
        Instant expiresAt = item.expiresAt() != null ? item.expiresAt() : now.plus(config.agencyLifetime());
        if (!expiresAt.isAfter(now)) {
            throw new RuleViolation("expiry", "expiresAt " + expiresAt + " is in the past");
        }
        LocalDate today = BusinessTime.dateOf(now);
        AssessmentView a = new AssessmentView(UUID.randomUUID().toString(), Assessment.nextSerial(item.region(), today),
                person.personId(), item.region(), item.year(), AssessmentService.AGENCY, null, "OPEN", List.copyOf(lines),
                Money.text(total), now, expiresAt, null, item.reference());
        service.store(a, caller);
        return a;
    }

    private Person person(AgencyAssessment item) {
        if (item.personId() != null) {
            return persons.person(item.personId())
                    .orElseThrow(() -> new RuleViolation("R3", "person " + item.personId() + " is not registered"));
        }
        if (item.name() == null || item.idNumber() == null) {
            throw new RuleViolation("person", "give personId, or name and idNumber");
        }
        return persons.byNameAndIdNumber(item.name(), item.idNumber())
                .orElseThrow(() -> new RuleViolation("R3", "no registered person with this name and ID number"));
    }
}
