package org.flexsi.simulators.fault;

import java.lang.System.Logger.Level;
import java.time.Duration;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.flexsi.simulators.Party;
import org.flexsi.simulators.http.Fields;
import org.flexsi.simulators.http.Json;
import org.flexsi.simulators.http.Problem;
import org.flexsi.simulators.http.Request;
import org.flexsi.simulators.http.Response;
import org.flexsi.simulators.http.Router;

/** {@code /sim/faults}: unsigned on purpose, it is the test driver's and the operator's lever, not a party's API. */
public final class FaultRoutes {
    private static final System.Logger LOG = System.getLogger(FaultRoutes.class.getName());

    private final Faults faults;
    private final Set<String> bankIds;

    public FaultRoutes(Faults faults, Set<String> bankIds) {
        this.faults = faults;
        this.bankIds = Set.copyOf(bankIds);
    }

    public void register(Router router) {
        router.on("POST", "/sim/faults", this::inject)
                .on("GET", "/sim/faults", request -> Response.json(200, Map.of("faults", views())))
                .on("DELETE", "/sim/faults", this::clear);
    }

    private Response inject(Request request) {
        Fault fault = parse(Fields.of(Json.readObject(request.body())));
        faults.inject(fault);
        LOG.log(Level.INFO, "fault injected: " + fault);
        return Response.json(201, view(new ActiveFault(fault, fault.count())));
    }

    private Response clear(Request request) {
        int cleared = faults.active().size();
        faults.clear();
        LOG.log(Level.INFO, "faults cleared");
        return Response.json(200, Map.of("cleared", cleared));
    }

    private Fault parse(Fields body) {
        String targetId = body.text("target");
        if (Party.byId(targetId).isEmpty() && !bankIds.contains(targetId)) {
            throw body.invalid("target", "must be one of wechat, alipay, unionpay, pension, medical or a configured bank "
                    + bankIds);
        }
        String modeId = body.text("mode");
        FaultMode mode = FaultMode.byId(modeId).orElseThrow(() -> body.invalid("mode",
                "must be one of " + Arrays.stream(FaultMode.values()).map(FaultMode::id)
                        .collect(Collectors.joining(", "))));
        Integer count = body.intOrNull("count");
        Integer delayMs = body.intOrNull("delayMs");
        Set<String> persons = new LinkedHashSet<>();
        if (mode == FaultMode.REJECT_PERSONS) {
            body.array("persons", 10_000).forEach(e -> persons.add(e.text()));
        }
        try {
            return new Fault(targetId, mode, count, delayMs == null ? null : Duration.ofMillis(delayMs), persons);
        } catch (IllegalArgumentException e) {
            throw Problem.badRequest(e.getMessage());
        }
    }

    private List<FaultView> views() {
        return faults.active().stream().map(FaultRoutes::view).toList();
    }

    private static FaultView view(ActiveFault active) {
        Fault f = active.fault();
        return new FaultView(f.target(), f.mode().id(), active.remaining(),
                f.delay() == null ? null : f.delay().toMillis(), List.copyOf(f.persons()));
    }

    /** {@code remaining} null means the fault holds until cleared. */
    record FaultView(String target, String mode, Integer remaining, Long delayMs, List<String> persons) {
    }
}
