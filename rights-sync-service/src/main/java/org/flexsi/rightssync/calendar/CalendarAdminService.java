package org.flexsi.rightssync.calendar;

import io.quarkus.logging.Log;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import org.flexsi.contracts.events.CalendarYearPublished;
import org.flexsi.platform.audit.AccessAudit;
import org.flexsi.platform.calendar.CalendarNotLoadedException;
import org.flexsi.platform.calendar.CalendarService;
import org.flexsi.platform.calendar.CalendarYear;
import org.flexsi.platform.calendar.WorkingDayCalendar;
import org.flexsi.platform.outbox.Outbox;
import org.flexsi.platform.problem.Problem;
import org.flexsi.platform.problem.ProblemException;
import org.flexsi.platform.security.Caller;
import org.flexsi.rightssync.delivery.DeliveryStore;

/**
 * Operations load a year without a release, with four eyes: one operator uploads it as a draft, another publishes it;
 * it is then stored here and published on the compacted calendar topic, from which every service's
 * {@link CalendarService} (this one's too) picks it up.
 */
@ApplicationScoped
@Transactional
public class CalendarAdminService {
    /** The range the calendar.year-published contract accepts. */
    static final int FIRST_YEAR = 2000;
    static final int LAST_YEAR = 2100;
    private static final int MAX_DAYS = 3660;

    private final EntityManager em;
    private final Outbox outbox;
    private final CalendarService calendars;
    private final Clock clock;
    private final AccessAudit audit;

    public CalendarAdminService(EntityManager em, Outbox outbox, CalendarService calendars, Clock clock, AccessAudit audit) {
        this.audit = audit;
        this.em = em;
        this.outbox = outbox;
        this.calendars = calendars;
        this.clock = clock;
    }

    /** Stores a year as a draft (replacing an earlier draft of the year); another operator publishes it. */
    public CalendarDraftView upload(Caller caller, String yearText, CalendarYearRequest body) {
        int year = year(yearText);
        CalendarYear checked;
        try {
            checked = CalendarYear.of(year, body.offDays(), body.workDays(), body.source());
        } catch (IllegalArgumentException e) {
            throw ProblemException.invalid("offDays/workDays", e.getMessage());
        }
        String draftId = UUID.randomUUID().toString();
        Instant now = clock.instant();
        em.createNativeQuery("insert into calendar_draft (year, draft_id, source, off_days, work_days, uploaded_by, uploaded_at)"
                        + " values (?1, ?2, ?3, ?4, ?5, ?6, ?7) on conflict (year) do update set draft_id = excluded.draft_id,"
                        + " source = excluded.source, off_days = excluded.off_days, work_days = excluded.work_days,"
                        + " uploaded_by = excluded.uploaded_by, uploaded_at = excluded.uploaded_at")
                .setParameter(1, year).setParameter(2, draftId).setParameter(3, checked.source())
                .setParameter(4, join(checked.offDays())).setParameter(5, join(checked.workDays()))
                .setParameter(6, caller.subject()).setParameter(7, now).executeUpdate();
        return new CalendarDraftView(year, draftId, checked.source(), List.copyOf(checked.offDays()),
                List.copyOf(checked.workDays()), caller.subject(), now);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public CalendarDraftView draft(String yearText) {
        int year = year(yearText);
        return findDraft(year, false).orElseThrow(() -> ProblemException.notFound("no calendar draft for " + year));
    }

    /**
     * Four eyes: publishes the year's draft if {@code caller} is not the operator who uploaded it, stores it, announces it
     * on the compacted calendar topic (every service's {@link CalendarService} picks it up) and audits who did it.
     */
    public CalendarYearView publish(Caller caller, String yearText, PublishCalendarRequest body) {
        int year = year(yearText);
        CalendarDraftView draft = findDraft(year, true)
                .orElseThrow(() -> ProblemException.notFound("no calendar draft for " + year + "; upload one first"));
        if (!draft.draftId().equals(body.draftId())) {
            throw ProblemException.conflict("calendar-draft-replaced", "the draft of " + year + " is now " + draft.draftId()
                    + " (uploaded by " + draft.uploadedBy() + " at " + draft.uploadedAt() + "), not " + body.draftId()
                    + "; review it before publishing");
        }
        if (draft.uploadedBy().equals(caller.subject())) {
            throw ProblemException.forbidden("four eyes: an operator other than " + draft.uploadedBy()
                    + ", who uploaded it, must publish the calendar of " + year);
        }
        CalendarYear checked = CalendarYear.of(year, draft.offDays(), draft.workDays(), draft.source());
        Instant now = clock.instant();
        em.createNativeQuery("insert into calendar_year (year, source, off_days, work_days, published_at) values (?1, ?2, ?3, ?4, ?5)"
                + " on conflict (year) do update set source = excluded.source, off_days = excluded.off_days,"
                + " work_days = excluded.work_days, published_at = excluded.published_at")
                .setParameter(1, year).setParameter(2, checked.source()).setParameter(3, join(checked.offDays()))
                .setParameter(4, join(checked.workDays())).setParameter(5, now).executeUpdate();
        em.createNativeQuery("delete from calendar_draft where year = ?1").setParameter(1, year).executeUpdate();
        outbox.publish(new CalendarYearPublished(year, checked.source(), List.copyOf(checked.offDays()),
                List.copyOf(checked.workDays()), now));
        audit.record(caller, "calendar-publish", "calendar-year", String.valueOf(year));
        Log.infof("calendar %d uploaded by %s published by %s", year, draft.uploadedBy(), caller.subject());
        return view(checked);
    }

    private Optional<CalendarDraftView> findDraft(int year, boolean lock) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("select draft_id, source, off_days, work_days, uploaded_by, uploaded_at"
                + " from calendar_draft where year = ?1" + (lock ? " for update" : "")).setParameter(1, year).getResultList();
        return rows.stream().findFirst().map(r -> new CalendarDraftView(year, (String) r[0], (String) r[1], dates((String) r[2]),
                dates((String) r[3]), (String) r[4], DeliveryStore.instantOf(r[5])));
    }

    private static List<LocalDate> dates(String joined) {
        return joined.isEmpty() ? List.of() : Arrays.stream(joined.split(",")).map(LocalDate::parse).toList();
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public CalendarYearView loadedYear(String yearText) {
        int year = year(yearText);
        return calendars.calendar().year(year).map(CalendarAdminService::view).orElseThrow(() -> notLoaded(year));
    }

    public LocalDate addWorkingDays(String date, String days) {
        LocalDate from = date(date, "date");
        int n = count(days);
        return ask(calendar -> calendar.addWorkingDays(from, n));
    }

    public boolean isWorkingDay(String date) {
        LocalDate day = date(date, "date");
        return ask(calendar -> calendar.isWorkingDay(day));
    }

    public int workingDaysBetween(String from, String to) {
        LocalDate start = date(from, "from");
        LocalDate end = date(to, "to");
        if (end.isBefore(start)) {
            throw ProblemException.invalid("to", "must not be before from");
        }
        if (start.plusDays(MAX_DAYS).isBefore(end)) {
            throw ProblemException.invalid("to", "must be at most " + MAX_DAYS + " days after from");
        }
        return ask(calendar -> calendar.workingDaysBetween(start, end));
    }

    private <T> T ask(Function<WorkingDayCalendar, T> question) {
        try {
            return question.apply(calendars.calendar());
        } catch (CalendarNotLoadedException e) {
            throw notLoaded(e.year());
        }
    }

    static ProblemException notLoaded(int year) {
        return new ProblemException(Problem.of(422, "rule/calendar-not-loaded", "Calendar year not loaded",
                "the working-day calendar for " + year + " is not loaded; operations upload it with PUT /api/v1/calendar/" + year
                        + " and a second operator publishes it")
                .with("rule", "calendar-not-loaded").with("year", year));
    }

    private static int year(String text) {
        try {
            int year = Integer.parseInt(text);
            if (year >= FIRST_YEAR && year <= LAST_YEAR) {
                return year;
            }
        } catch (NumberFormatException e) {
            // answered below
        }
        throw ProblemException.invalid("year", "must be a year from " + FIRST_YEAR + " to " + LAST_YEAR);
    }

    private static LocalDate date(String text, String field) {
        if (text == null || text.isBlank()) {
            throw ProblemException.invalid(field, "is required, as YYYY-MM-DD");
        }
        try {
            return LocalDate.parse(text);
        } catch (DateTimeParseException e) {
            throw ProblemException.invalid(field, "must be a date as YYYY-MM-DD");
        }
    }

    private static int count(String text) {
        if (text == null || text.isBlank()) {
            throw ProblemException.invalid("days", "is required");
        }
        try {
            int n = Integer.parseInt(text);
            if (n >= 0 && n <= MAX_DAYS) {
                return n;
            }
        } catch (NumberFormatException e) {
            // answered below
        }
        throw ProblemException.invalid("days", "must be a whole number from 0 to " + MAX_DAYS);
    }

    private static CalendarYearView view(CalendarYear y) {
        return new CalendarYearView(y.year(), y.source(), List.copyOf(y.offDays()), List.copyOf(y.workDays()));
    }

    private static String join(java.util.Collection<LocalDate> dates) {
        return String.join(",", dates.stream().map(LocalDate::toString).toList());
    }
}
