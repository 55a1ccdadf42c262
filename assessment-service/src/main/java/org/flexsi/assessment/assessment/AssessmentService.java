package org.flexsi.assessment.assessment;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.core.Response;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.flexsi.assessment.calc.Calculation;
import org.flexsi.assessment.calc.Calculator;
import org.flexsi.assessment.calc.Choice;
import org.flexsi.assessment.calc.LateFees;
import org.flexsi.assessment.calc.Line;
import org.flexsi.assessment.calc.Months;
import org.flexsi.assessment.calc.PayableWindow;
import org.flexsi.assessment.calc.PaymentPeriods;
import org.flexsi.assessment.calc.RuleViolation;
import org.flexsi.assessment.calc.WindowCheck;
import org.flexsi.assessment.catalogue.BaseRule;
import org.flexsi.assessment.catalogue.Catalogue;
import org.flexsi.assessment.catalogue.CatalogueRepository;
import org.flexsi.assessment.catalogue.CatalogueVersion;
import org.flexsi.assessment.catalogue.Deferral;
import org.flexsi.assessment.catalogue.Insurance;
import org.flexsi.assessment.catalogue.InsuranceStandard;
import org.flexsi.assessment.config.AssessmentConfig;
import org.flexsi.assessment.person.Enrolment;
import org.flexsi.assessment.person.EnrolmentGap;
import org.flexsi.assessment.person.Person;
import org.flexsi.assessment.person.PersonRepository;
import org.flexsi.assessment.person.RegionScope;
import org.flexsi.assessment.person.RegistrationVersions;
import org.flexsi.assessment.quote.InsuranceChoice;
import org.flexsi.assessment.quote.Lines;
import org.flexsi.contracts.Money;
import org.flexsi.contracts.events.AssessmentCancelled;
import org.flexsi.contracts.events.AssessmentCreated;
import org.flexsi.contracts.events.AssessmentExpired;
import org.flexsi.contracts.events.LineItem;
import org.flexsi.platform.idempotency.IdempotencyKeys;
import org.flexsi.platform.outbox.Outbox;
import org.flexsi.platform.problem.ProblemException;
import org.flexsi.platform.security.Caller;
import org.flexsi.platform.security.Roles;
import org.flexsi.platform.time.BusinessTime;

/** Self-selected assessments (R14/R15): checked against registration, window and paid months, stored and announced. */
@ApplicationScoped
@Transactional
public class AssessmentService {
    public static final String SELF_SELECTED = "SELF_SELECTED";
    public static final String AGENCY = "AGENCY";
    /** The reason an assessment priced on terms that registration has since changed is cancelled with. */
    public static final String ENROLMENT_CHANGED = "ENROLMENT_CHANGED";
    /** How far back a back-pay proposal looks. */
    private static final int BACK_PAY_YEARS = 5;

    private final CatalogueRepository catalogues;
    private final PersonRepository persons;
    private final IdempotencyKeys idempotency;
    private final Outbox outbox;
    private final Clock clock;
    private final AssessmentConfig config;
    private final AssessmentMetrics metrics;
    private final RegistrationVersions versions;

    public AssessmentService(CatalogueRepository catalogues, PersonRepository persons, IdempotencyKeys idempotency,
            Outbox outbox, Clock clock, AssessmentConfig config, AssessmentMetrics metrics, RegistrationVersions versions) {
        this.versions = versions;
        this.catalogues = catalogues;
        this.persons = persons;
        this.idempotency = idempotency;
        this.outbox = outbox;
        this.clock = clock;
        this.config = config;
        this.metrics = metrics;
    }

    public Response create(AssessmentRequest request, Caller caller, String idempotencyKey) {
        IdempotencyKeys.require(idempotencyKey);
        authorize(caller, request.personId());
        versions.require(request.personId(), request.expectedRegistrationVersion());
        return idempotency.once("assessment:" + caller.subject(), idempotencyKey, request, 201,
                () -> assess(request, caller));
    }

    private AssessmentView assess(AssessmentRequest request, Caller caller) {
        Instant now = clock.instant();
        LocalDate today = BusinessTime.dateOf(now);
        Person person = persons.person(request.personId()).orElseThrow(() -> new RuleViolation("R3",
                "person " + request.personId() + " is not registered: registration comes first"));
        List<YearMonth> months = Months.distinctSorted(request.months());
        Map<Insurance, Enrolment> enrolments = new EnumMap<>(Insurance.class);
        persons.enrolments(person.personId()).forEach(e -> enrolments.put(e.insurance(), e));

        Enrolment first = enrolments.get(request.insurances().get(0).insurance());
        String region = first != null ? first.region() : person.region();
        CatalogueVersion version = catalogue(region, request.year(), months.get(0));
        Catalogue catalogue = version.definition();

        List<Choice> choices = new ArrayList<>();
        Map<Insurance, YearMonth> firstInsured = new EnumMap<>(Insurance.class);
        for (InsuranceChoice wanted : request.insurances()) {
            InsuranceStandard standard = catalogue.standard(wanted.insurance()).orElseThrow(() -> new RuleViolation(
                    "catalogue-insurance", catalogue.region() + " " + catalogue.year() + " does not offer " + wanted.insurance()));
            if (standard.agencyAssessed()) {
                throw new RuleViolation("R16", wanted.insurance() + " in " + catalogue.region()
                        + " is assessed by the agency in batches; fetch its assessment by serial number or by name and ID number");
            }
            // an item with its own enrolment (registration enrols Weifang's extra items) uses it, else the one it comes with
            Enrolment enrolment = enrolments.containsKey(standard.insurance()) ? enrolments.get(standard.insurance())
                    : enrolments.get(standard.enrolment());
            checkCovered(person, standard, enrolment, months);
            choices.add(withRegisteredDefaults(wanted.toChoice(), standard, enrolment));
            firstInsured.put(wanted.insurance(), enrolment.firstMonth());
        }
        WindowCheck window = PayableWindow.check(catalogue.window(), months, today);
        if (!window.payable()) {
            throw new RuleViolation(window.rule(), window.reason());
        }
        if (!caller.backOffice()) {
            // self-service pays the periods its region allows (R12-R14); an agency at the counter sets its own
            firstInsured.forEach((insurance, insuredFrom) -> PaymentPeriods.check(catalogue.region(), insurance, months,
                    catalogue.window().yearStartMonth(), insuredFrom, catalogue.window().ruleRef()));
        }
        Calculation calculation = Calculator.calculate(catalogue, months, choices,
                null);
        List<LineItem> lines = new ArrayList<>(Lines.items(calculation.lines()));
        long total = calculation.totalFen() + lateFees(catalogue, months, choices, today, lines);

        List<String> insurances = lines.stream().map(LineItem::insurance).distinct().toList();
        checkNotPaid(person.personId(), insurances, months);
        List<String> open = Assessment.openHolding(person.personId(), insurances, Months.format(months), now);
        if (!open.isEmpty()) {
            throw ProblemException.conflict("assessment-open", "assessment " + open.get(0)
                    + " already holds some of these months; pay it, let it expire or cancel it first");
        }
        AssessmentView created = new AssessmentView(UUID.randomUUID().toString(), Assessment.nextSerial(catalogue.region(), today),
                person.personId(), catalogue.region(), catalogue.year(), SELF_SELECTED, version.version(), "OPEN", List.copyOf(lines),
                Money.text(total), now, expiry(now, catalogue, window, months), null, null);
        store(created, caller);
        return created;
    }

    /** Stores an assessment and announces it in the same transaction. */
    public void store(AssessmentView a, Caller caller) {
        // written at once, as a duplicate serial or agency reference is refused here and not at commit
        Assessment.of(a, caller.subject()).persistAndFlush();
        outbox.publish(new AssessmentCreated(a.assessmentId(), a.serialNumber(), a.personId(), a.region(), a.year(), a.source(),
                a.lines(), a.total(), a.catalogueVersion(), a.createdAt(), a.expiresAt()));
        metrics.created(a.region(), a.source());
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public AssessmentView find(String serial, Caller caller) {
        Assessment a = Assessment.bySerial(serial).orElseThrow(() -> ProblemException.notFound("no assessment " + serial));
        authorize(caller, a);
        return a.view();
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public List<AssessmentView> ofPerson(String personId, String status, Caller caller) {
        authorize(caller, personId);
        return visible(caller, views(Assessment.ofPerson(personId, status)));
    }

    /**
     * Back-pay proposal (R14, R16): unpaid months of each enrolment over the last {@code BACK_PAY_YEARS} years, up to the
     * current month, that no open assessment holds; those inside today's window and not in a medical interruption
     * can be self-assessed, the rest need an agency assessment.
     */
    @Transactional(Transactional.TxType.SUPPORTS)
    public BackPayView backPay(String personId, Caller caller) {
        authorize(caller, personId);
        persons.person(personId).orElseThrow(() -> ProblemException.notFound("no registered person " + personId));
        Instant now = clock.instant();
        LocalDate today = BusinessTime.dateOf(now);
        YearMonth current = YearMonth.from(today);
        Set<String> paid = persons.paidMonths(personId);
        List<EnrolmentGap> gaps = persons.gaps(personId);
        List<BackPayView.Proposal> out = new ArrayList<>();
        for (Enrolment enrolment : persons.enrolments(personId)) {
            YearMonth from = enrolment.firstMonth().isBefore(current.minusYears(BACK_PAY_YEARS))
                    ? current.minusYears(BACK_PAY_YEARS) : enrolment.firstMonth();
            YearMonth to = enrolment.covers(current) ? current : enrolment.lastCoveredMonth();
            Set<String> held = Assessment.heldMonths(personId, enrolment.insurance().name(), now);
            List<String> unpaid = new ArrayList<>();
            for (YearMonth m = from; to != null && !m.isAfter(to); m = m.plusMonths(1)) {
                if (!paid.contains(enrolment.insurance().name() + "|" + m) && !held.contains(m.toString())) {
                    unpaid.add(m.toString());
                }
            }
            out.add(split(enrolment, unpaid, gaps, today));
        }
        return new BackPayView(personId, out);
    }

    private BackPayView.Proposal split(Enrolment enrolment, List<String> unpaid, List<EnrolmentGap> gaps, LocalDate today) {
        Optional<Catalogue> catalogue;
        try {
            catalogue = Optional.of(catalogue(enrolment.region(), null, YearMonth.from(today)).definition());
        } catch (RuleViolation e) {
            catalogue = Optional.empty();
        }
        List<String> self = new ArrayList<>();
        List<String> agency = new ArrayList<>();
        String rule = null;
        String reason = null;
        for (String month : unpaid) {
            YearMonth m = YearMonth.parse(month);
            String why = null;
            String whyRule = null;
            if (catalogue.isEmpty()) {
                whyRule = "catalogue";
                why = "no published catalogue covers today in region " + enrolment.region();
            } else if (enrolment.insurance() == Insurance.MEDICAL && inClosedGap(gaps, m)) {
                whyRule = "R16";
                why = "medical back-pay needs the medical agency to push back-pay data first";
            } else if (catalogue.get().standard(enrolment.insurance()).map(InsuranceStandard::agencyAssessed).orElse(true)) {
                whyRule = "R16";
                why = enrolment.insurance() + " is assessed by the agency";
            } else {
                WindowCheck window = PayableWindow.check(catalogue.get().window(), List.of(m), today);
                if (!window.payable() || !catalogue.get().prices(m)) {
                    whyRule = window.payable() ? "catalogue-months" : window.rule();
                    why = window.payable() ? month + " is not priced by the current catalogue" : window.reason();
                }
            }
            if (why == null) {
                self.add(month);
            } else {
                agency.add(month);
                rule = rule == null ? whyRule : rule;
                reason = reason == null ? why : reason;
            }
        }
        return new BackPayView.Proposal(enrolment.insurance().name(), enrolment.region(), self, agency, rule, reason);
    }

    private static boolean inClosedGap(List<EnrolmentGap> gaps, YearMonth month) {
        return gaps.stream().anyMatch(gap -> Insurance.MEDICAL.name().equals(gap.insurance()) && gap.closedAround(month));
    }

    /** Jiangxi's third path (R14): the open assessments of the person with this name and ID number. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<AssessmentView> lookup(String name, String idNumber, Caller caller) {
        Person person = persons.byNameAndIdNumber(name, idNumber)
                .orElseThrow(() -> ProblemException.notFound("no registered person with this name and ID number"));
        if (!caller.is(Roles.BANK)) {
            authorize(caller, person.personId());
        }
        return visible(caller, views(Assessment.ofPerson(person.personId(), Assessment.OPEN)));
    }

    public Response cancel(String serial, String reason, Caller caller, String idempotencyKey) {
        IdempotencyKeys.require(idempotencyKey);
        return idempotency.once("cancel:" + caller.subject(), idempotencyKey, List.of(serial, reason), 200, () -> {
            Assessment a = Assessment.lockBySerial(serial)
                    .orElseThrow(() -> ProblemException.notFound("no assessment " + serial));
            authorize(caller, a);
            if (!a.open()) {
                throw ProblemException.conflict("assessment-not-open", "assessment " + serial + " is " + a.status
                        + " and can no longer be cancelled");
            }
            Instant now = clock.instant();
            a.close(Assessment.CANCELLED, reason, now);
            outbox.publish(new AssessmentCancelled(a.id.toString(), serial, a.personId, reason, now));
            metrics.cancelled(AssessmentMetrics.Cancellation.REQUESTED, 1);
            return a.view();
        });
    }

    /**
     * Issue 16: an enrolment change (interruption, suspension, new enrolment, continuation, medical rate) reached this
     * service. Open self-selected assessments holding a month of {@code insurance} from {@code from} on were priced on
     * the old terms and would block their months: they are cancelled in the consumer's transaction, announced with the
     * reason {@value #ENROLMENT_CHANGED}, so that the next assessment is priced on the new terms, and counted under
     * {@code kind}. Agency-made assessments carry the agency's own amounts and stay. Returns how many were cancelled.
     */
    public int cancelOnEnrolmentChange(String personId, String insurance, YearMonth from, String change,
            AssessmentMetrics.Cancellation kind) {
        Instant now = clock.instant();
        String reason = ENROLMENT_CHANGED + ": " + change;
        reason = reason.length() > 200 ? reason.substring(0, 200) : reason;
        List<Assessment> affected = Assessment.lockOpenSelfSelectedFrom(personId, insurance, from.toString());
        for (Assessment a : affected) {
            a.close(Assessment.CANCELLED, reason, now);
            outbox.publish(new AssessmentCancelled(a.id.toString(), a.serialNumber, personId, reason, now));
        }
        metrics.cancelled(kind, affected.size());
        return affected.size();
    }

    /** Expires unpaid assessments past their expiry; returns how many. */
    public int expireDue(int limit) {
        Instant now = clock.instant();
        List<Assessment> due = Assessment.lockDueForExpiry(now, limit);
        for (Assessment a : due) {
            a.close(Assessment.EXPIRED, "not paid by " + a.expiresAt, now);
            outbox.publish(new AssessmentExpired(a.id.toString(), a.serialNumber, a.personId, now));
            metrics.expired(expiryReason(a));
        }
        return due.size();
    }

    /** Why an assessment ran out: an agency's deadline, a self-selected one's lifetime, or its year's window closing first. */
    private AssessmentMetrics.Expiry expiryReason(Assessment a) {
        if (AGENCY.equals(a.source)) {
            return AssessmentMetrics.Expiry.AGENCY_DEADLINE;
        }
        return Duration.between(a.createdAt, a.expiresAt).compareTo(config.lifetime()) >= 0
                ? AssessmentMetrics.Expiry.LIFETIME : AssessmentMetrics.Expiry.WINDOW_CLOSED;
    }

    /**
     * A contributor acts for himself, a proxy for a person on his list, operations for anyone, an agency for persons
     * registered in a region it serves (issue 17; a person not in the read model has nothing to protect yet).
     */
    public void authorize(Caller caller, String personId) {
        if (caller.backOffice()) {
            if (caller.agency().isPresent()) {
                persons.person(personId).ifPresent(p -> caller.requireRegion(p.region()));
            }
            return;
        }
        if ((caller.is(Roles.CONTRIBUTOR) && caller.subject().equals(personId))
                || (caller.is(Roles.PROXY) && persons.isProxyOf(caller.subject(), personId))) {
            return;
        }
        throw ProblemException.forbidden("you may not act for person " + personId);
    }

    /** An assessment: its person, and for an agency also the region it was assessed in. */
    private void authorize(Caller caller, Assessment a) {
        authorize(caller, a.personId);
        RegionScope.requireConcerned(caller, a.region);
    }

    private static List<AssessmentView> views(List<Assessment> assessments) {
        return assessments.stream().map(Assessment::view).toList();
    }

    /** What a caller may see of a person's assessments: an agency only those of its regions. */
    private static List<AssessmentView> visible(Caller caller, List<AssessmentView> all) {
        return all.stream().filter(a -> RegionScope.concerns(caller, a.region())).toList();
    }

    public void checkNotPaid(String personId, List<String> insurances, List<YearMonth> months) {
        Set<String> paid = persons.paidMonths(personId);
        for (String insurance : insurances) {
            for (YearMonth month : months) {
                if (paid.contains(insurance + "|" + month)) {
                    throw new RuleViolation("already-paid", insurance + " " + month + " is already paid");
                }
            }
        }
    }

    /** A region's catalogue, else its city's, else its province's (Wuhan districts, Jiangxi cities). */
    CatalogueVersion catalogue(String region, Integer year, YearMonth firstMonth) {
        for (String candidate : List.of(region, region.substring(0, 4) + "00", region.substring(0, 2) + "0000")) {
            Optional<CatalogueVersion> found = year != null ? catalogues.published(candidate, year)
                    : catalogues.publishedCovering(candidate, firstMonth);
            if (found.isPresent()) {
                return found.get();
            }
        }
        throw new RuleViolation("catalogue", "no published catalogue for region " + region + " and "
                + (year != null ? "year " + year : "month " + firstMonth));
    }

    private void checkCovered(Person person, InsuranceStandard standard, Enrolment enrolment, List<YearMonth> months) {
        if (enrolment == null) {
            throw new RuleViolation("R3", "person " + person.personId() + " is not enrolled in " + standard.enrolment());
        }
        for (YearMonth month : months) {
            if (month.isBefore(enrolment.firstMonth())) {
                throw new RuleViolation("R3", month + " is before the first insured month " + enrolment.firstMonth() + " of "
                        + standard.enrolment());
            }
            if (!enrolment.covers(month)) {
                throw new RuleViolation("R4", standard.enrolment() + " is " + enrolment.status().toLowerCase() + " after "
                        + enrolment.lastCoveredMonth() + "; continue the enrolment (续保) before paying " + month);
            }
        }
        if (standard.enrolment() == Insurance.MEDICAL) {
            List<EnrolmentGap> gaps = persons.gaps(person.personId());
            for (YearMonth month : months) {
                if (inClosedGap(gaps, month)) {
                    throw new RuleViolation("R16", month + " falls in a medical interruption: medical back-pay needs the medical"
                            + " agency to push back-pay data first");
                }
            }
        }
    }

    /** Choices the request leaves open take the registered grade, base, rate or plan, where the catalogue allows a choice. */
    private static Choice withRegisteredDefaults(Choice choice, InsuranceStandard standard, Enrolment enrolment) {
        if (enrolment == null) {
            return choice;
        }
        BaseRule rule = standard.base();
        String grade = choice.grade();
        BigDecimal base = choice.base();
        if (grade == null && base == null && rule != null) {
            if (rule.graded()) {
                grade = enrolment.grade();
            } else if (rule.ranged()) {
                base = enrolment.base();
            }
        }
        BigDecimal rate = choice.rate();
        String plan = choice.plan();
        if (rate == null && plan == null && standard.plans().size() > 1) {
            boolean known = enrolment.plan() != null && standard.plans().stream().anyMatch(p -> p.code().equals(enrolment.plan()));
            if (known) {
                plan = enrolment.plan();
            } else if (enrolment.rate() != null && enrolment.rate().matches("[0-9]*\\.?[0-9]+")) {
                rate = new BigDecimal(enrolment.rate());
            }
        }
        return new Choice(choice.insurance(), grade, base, rate, plan);
    }

    /** Adds one late-fee line per insurance the catalogue charges late fees on; returns their sum in fen. */
    private static long lateFees(Catalogue catalogue, List<YearMonth> months, List<Choice> choices,
            LocalDate today, List<LineItem> lines) {
        if (catalogue.lateFee() == null) {
            return 0;
        }
        long sum = 0;
        for (Choice choice : choices) {
            if (!catalogue.lateFee().insurances().contains(choice.insurance())) {
                continue;
            }
            long monthly = Calculator.calculate(catalogue, List.of(months.get(0)), List.of(choice), null).lines().stream()
                    .mapToLong(Line::amountFen).sum();
            List<LateFees.LateMonth> late = LateFees.compute(catalogue.lateFee(), catalogue.window(), months, monthly, today);
            long fee = late.stream().mapToLong(LateFees.LateMonth::feeFen).sum();
            if (fee > 0) {
                lines.add(new LineItem(choice.insurance().name(), late.stream().map(l -> l.month().toString()).toList(), null,
                        catalogue.lateFee().ratePerDay().toPlainString(), Money.text(fee), "LATE_FEE"));
                sum += fee;
            }
        }
        return sum;
    }

    /** Payable for the configured lifetime, but never past the end of the contribution year or a deferral deadline. */
    private Instant expiry(Instant now, Catalogue catalogue, WindowCheck window, List<YearMonth> months) {
        LocalDate lastDay = window.from().plusMonths(11).atEndOfMonth();
        for (Deferral d : catalogue.window().deferralsOrEmpty()) {
            if (months.stream().anyMatch(m -> m.getYear() == d.year()) && d.payableUntil().isBefore(lastDay)) {
                lastDay = d.payableUntil();
            }
        }
        Instant windowEnd = lastDay.plusDays(1).atStartOfDay(BusinessTime.ZONE).toInstant();
        Instant byLifetime = now.plus(config.lifetime());
        return byLifetime.isBefore(windowEnd) ? byLifetime : windowEnd;
    }
}
