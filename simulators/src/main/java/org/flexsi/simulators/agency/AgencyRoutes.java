package org.flexsi.simulators.agency;

import java.math.BigDecimal;
import java.net.URI;
import java.time.Instant;
import java.time.YearMonth;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.flexsi.simulators.Party;
import org.flexsi.simulators.http.Fields;
import org.flexsi.simulators.http.Json;
import org.flexsi.simulators.http.PartyGuard;
import org.flexsi.simulators.http.Problem;
import org.flexsi.simulators.http.Request;
import org.flexsi.simulators.http.Response;
import org.flexsi.simulators.http.Router;

/** The agencies' HTTP API under {@code /agencies/{a}}. */
public final class AgencyRoutes {
    private static final int MAX_RECORDS = 1_000;
    private static final int MAX_MONTHS = 120;
    /** Resident ID: 17 digits and a check character (GB 11643); the check digit is flexsi's job, not ours. */
    private static final Pattern ID_NUMBER = Pattern.compile("[0-9]{17}[0-9X]");
    private static final DateTimeFormatter MONTH = DateTimeFormatter.ofPattern("uuuu-MM");

    private final Agencies agencies;
    private final PartyGuard guard;

    public AgencyRoutes(Agencies agencies, PartyGuard guard) {
        this.agencies = agencies;
        this.guard = guard;
    }

    public void register(Router router) {
        router.on("POST", "/agencies/{a}/rights-records", this::receive)
                .on("GET", "/agencies/{a}/rights-records/{recordId}", this::status)
                .on("GET", "/agencies/{a}/held", this::held);
    }

    private Response receive(Request request) {
        Party agency = signedBy(request);
        Fields body = Fields.of(Json.readObject(request.body()));
        URI callbackUrl = body.optionalHttpUrl("callbackUrl").orElse(null);
        List<RightsRecord> records = new ArrayList<>();
        // everything is validated before anything is booked: a bad batch books nothing
        for (Fields.Element element : body.array("records", MAX_RECORDS)) {
            records.add(parse(element.fields()));
        }
        return Response.json(202, agencies.receive(agency, records, callbackUrl, request.traceparent()));
    }

    private Response status(Request request) {
        Party agency = signedBy(request);
        String recordId = request.param("recordId");
        HeldRecord held = agencies.held(agency, recordId)
                .orElseThrow(() -> Problem.notFound("no " + agency.id() + " record " + recordId));
        return Response.json(200, RecordState.of(held));
    }

    /** Unsigned inspection for tests and operators. */
    private Response held(Request request) {
        Party agency = agency(request);
        List<HeldView> records = agencies.held(agency).stream().map(HeldView::of).toList();
        return Response.json(200, new HeldList(records, records.size()));
    }

    private static RightsRecord parse(Fields f) {
        String recordId = f.identifier("recordId");
        String kindText = f.text("kind");
        RecordKind kind = switch (kindText) {
            case "PAYMENT" -> RecordKind.PAYMENT;
            case "REVERSAL" -> RecordKind.REVERSAL;
            default -> throw f.invalid("kind", "must be PAYMENT or REVERSAL");
        };
        String personId = f.text("personId");
        String idNumber = f.text("idNumber");
        if (!ID_NUMBER.matcher(idNumber).matches()) {
            throw f.invalid("idNumber", "must be an 18-character resident ID number");
        }
        String name = f.text("name");
        String region = f.text("region");
        String insurance = f.text("insurance");
        List<YearMonth> months = new ArrayList<>();
        for (Fields.Element month : f.array("months", MAX_MONTHS)) {
            try {
                months.add(YearMonth.parse(month.text(), MONTH));
            } catch (DateTimeParseException e) {
                throw Problem.badRequest(month.path() + " must be a month as yyyy-MM");
            }
        }
        return new RightsRecord(recordId, kind, personId, idNumber, name, region, insurance, months,
                f.money("base"), f.money("amount"), f.text("paymentReference"), f.instant("paidAt"));
    }

    private Party signedBy(Request request) {
        Party agency = agency(request);
        guard.admitSigned(agency, request);
        return agency;
    }

    private static Party agency(Request request) {
        String id = request.param("a");
        return Party.byId(id, Party.Kind.AGENCY).orElseThrow(() -> Problem.notFound("no agency " + id));
    }

    record RecordState(String recordId, RecordStatus status, String agencyReference, String reason,
            Instant decidedAt, int timesReceived) {

        static RecordState of(HeldRecord held) {
            return new RecordState(held.recordId(), held.status(), held.agencyReference(), held.reason(),
                    held.decidedAt(), held.timesReceived());
        }
    }

    record HeldView(String recordId, String personId, RecordKind kind, BigDecimal amount, RecordStatus status,
            int timesReceived) {

        static HeldView of(HeldRecord held) {
            RightsRecord r = held.record();
            return new HeldView(r.recordId(), r.personId(), r.kind(), r.amount(), held.status(), held.timesReceived());
        }
    }

    record HeldList(List<HeldView> records, int count) {
    }
}
