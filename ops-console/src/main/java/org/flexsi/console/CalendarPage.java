package org.flexsi.console;

import static org.flexsi.console.Backend.body;
import static org.flexsi.console.Views.data;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The working-day calendar as rights-sync holds it: which years are loaded, a year's months with working days marked,
 * the upload of a year (a draft) and its publication by a second operator (the service refuses the uploader).
 */
@Path("/calendar")
@Consumes(MediaType.APPLICATION_FORM_URLENCODED)
public class CalendarPage {
    /** Years around this one: the ones a deadline can fall in. */
    private static final int YEARS_BACK = 2;
    private static final int YEARS_AHEAD = 1;

    private final Backend backend;
    private final Current current;
    private final Views views;
    private final Texts texts;

    public CalendarPage(Backend backend, Current current, Views views, Texts texts) {
        this.backend = backend;
        this.current = current;
        this.views = views;
        this.texts = texts;
    }

    @GET
    public Response calendar(@QueryParam("year") Integer year) {
        current.requireSignedIn();
        int thisYear = LocalDate.now(Fmt.CHINA).getYear();
        int shown = year == null || year < thisYear - YEARS_BACK || year > thisYear + YEARS_AHEAD ? thisYear : year;
        List<Map<String, Object>> years = new ArrayList<>();
        Map<String, Object> shownYear = null;
        for (int y = thisYear - YEARS_BACK; y <= thisYear + YEARS_AHEAD; y++) {
            Backend.Answer loaded = backend.get("rights-sync", "/api/v1/calendar/" + y);
            Backend.Answer draft = backend.get("rights-sync", "/api/v1/calendar/" + y + "/draft");
            years.add(data("year", y, "loaded", loaded.ok(), "source", loaded.ok() ? loaded.map().get("source") : "",
                    "draft", draft.ok() ? draft.map() : null));
            if (y == shown && loaded.ok()) {
                shownYear = loaded.map();
            }
        }
        return views.page("calendar", data("years", years, "year", shown,
                "months", shownYear == null ? List.of() : months(shown, shownYear)));
    }

    @POST
    @Path("{year}")
    public Response upload(@PathParam("year") int year, @FormParam("csrf") String csrf, @FormParam("source") String source,
            @FormParam("offDays") String offDays, @FormParam("workDays") String workDays) {
        current.requireForm(csrf);
        backend.actPut("rights-sync", "/api/v1/calendar/" + year(year),
                body("source", source, "offDays", dates(offDays), "workDays", dates(workDays)));
        return views.seeOther("/calendar?year=" + year, texts.of(current.session(), "calendar_uploaded"));
    }

    @POST
    @Path("{year}/publish")
    public Response publish(@PathParam("year") int year, @FormParam("csrf") String csrf, @FormParam("draftId") String draftId) {
        current.requireForm(csrf);
        backend.act("rights-sync", "/api/v1/calendar/" + year(year) + "/publish", body("draftId", draftId), null);
        return views.seeOther("/calendar?year=" + year, texts.of(current.session(), "published_ok") + " " + year);
    }

    private static int year(int year) {
        if (year < 2000 || year > 2100) {
            throw new NotFoundException();
        }
        return year;
    }

    /** Dates as typed (one per line, or separated by commas or spaces); the service checks them. */
    static List<String> dates(String text) {
        List<String> dates = new ArrayList<>();
        for (String part : (text == null ? "" : text).split("[\\s,，;；]+")) {
            if (!part.isBlank()) {
                dates.add(part.trim());
            }
        }
        return dates;
    }

    /** Twelve months of weeks (Monday first), each day a working day, a day off, or a make-up working day (调休). */
    static List<Map<String, Object>> months(int year, Map<String, Object> loaded) {
        Set<String> off = new HashSet<>(strings(loaded.get("offDays")));
        Set<String> makeUp = new HashSet<>(strings(loaded.get("workDays")));
        List<Map<String, Object>> months = new ArrayList<>();
        for (int m = 1; m <= 12; m++) {
            YearMonth month = YearMonth.of(year, m);
            List<List<Map<String, Object>>> weeks = new ArrayList<>();
            List<Map<String, Object>> week = new ArrayList<>();
            for (int blank = 1; blank < month.atDay(1).getDayOfWeek().getValue(); blank++) {
                week.add(null);
            }
            for (int d = 1; d <= month.lengthOfMonth(); d++) {
                LocalDate date = month.atDay(d);
                String iso = date.toString();
                boolean weekend = date.getDayOfWeek() == DayOfWeek.SATURDAY || date.getDayOfWeek() == DayOfWeek.SUNDAY;
                String kind = makeUp.contains(iso) ? "makeup" : off.contains(iso) ? "off" : weekend ? "weekend" : "work";
                week.add(data("day", d, "date", iso, "kind", kind));
                if (week.size() == 7) {
                    weeks.add(week);
                    week = new ArrayList<>();
                }
            }
            if (!week.isEmpty()) {
                while (week.size() < 7) {
                    week.add(null);
                }
                weeks.add(week);
            }
            months.add(data("month", m, "weeks", weeks));
        }
        return months;
    }

    private static List<String> strings(Object value) {
        return value instanceof List<?> list ? list.stream().map(String::valueOf).toList() : List.of();
    }
}
