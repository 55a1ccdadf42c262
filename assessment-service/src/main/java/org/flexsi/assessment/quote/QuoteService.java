package org.flexsi.assessment.quote;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import org.flexsi.assessment.assessment.AssessmentMetrics;
import org.flexsi.assessment.assessment.AssessmentService;
import org.flexsi.assessment.calc.Calculation;
import org.flexsi.assessment.calc.Calculator;
import org.flexsi.assessment.calc.Choice;
import org.flexsi.assessment.calc.Months;
import org.flexsi.assessment.calc.PayableWindow;
import org.flexsi.assessment.calc.RuleViolation;
import org.flexsi.assessment.calc.WindowCheck;
import org.flexsi.assessment.catalogue.Catalogue;
import org.flexsi.assessment.catalogue.CatalogueRepository;
import org.flexsi.assessment.catalogue.CatalogueVersion;
import org.flexsi.assessment.person.RegistrationVersions;
import org.flexsi.contracts.Money;
import org.flexsi.platform.problem.ProblemException;
import org.flexsi.platform.security.Caller;
import org.flexsi.platform.time.BusinessTime;

/** Quotes are pure calculations over a published catalogue: they read, never write (R11). */
@ApplicationScoped
@Transactional(Transactional.TxType.SUPPORTS)
public class QuoteService {
    private final CatalogueRepository catalogues;
    private final Clock clock;

    private final AssessmentService assessments;
    private final RegistrationVersions versions;
    private final AssessmentMetrics metrics;

    public QuoteService(CatalogueRepository catalogues, Clock clock, AssessmentService assessments, RegistrationVersions versions,
            AssessmentMetrics metrics) {
        this.metrics = metrics;
        this.assessments = assessments;
        this.versions = versions;
        this.catalogues = catalogues;
        this.clock = clock;
    }

    public QuoteResponse quote(QuoteRequest request, Caller caller) {
        if (request.expectedRegistrationVersion() != null && request.personId() == null) {
            throw ProblemException.invalid("personId", "must name the person whose expectedRegistrationVersion the quote waits for");
        }
        if (request.personId() != null) {
            assessments.authorize(caller, request.personId());
            versions.require(request.personId(), request.expectedRegistrationVersion());
        }
        CatalogueVersion version = catalogues.published(request.region(), request.year())
                .orElseThrow(() -> new RuleViolation("catalogue", "no published catalogue for region " + request.region()
                        + " and year " + request.year()));
        Catalogue catalogue = version.definition();
        List<YearMonth> months = Months.distinctSorted(request.months());
        List<Choice> choices = request.insurances().stream().map(InsuranceChoice::toChoice).toList();
        Calculation calculation = Calculator.calculate(catalogue, months, choices,
                request.base() == null ? null : new BigDecimal(request.base()));
        WindowCheck window = payableToday(catalogue, months, choices);
        metrics.quoted(catalogue.region());
        return new QuoteResponse(catalogue.region(), catalogue.year(), version.version(), Months.format(months),
                Lines.items(calculation.lines()), Money.text(calculation.totalFen()), window.payable(), window.rule(),
                window.reason());
    }

    private WindowCheck payableToday(Catalogue catalogue, List<YearMonth> months, List<Choice> choices) {
        LocalDate today = BusinessTime.today(clock);
        for (Choice choice : choices) {
            if (catalogue.standard(choice.insurance()).orElseThrow().agencyAssessed()) {
                return new WindowCheck(false, "R16", choice.insurance() + " is assessed by the agency, not self-selected",
                        null, null);
            }
        }
        return PayableWindow.check(catalogue.window(), months, today);
    }
}
