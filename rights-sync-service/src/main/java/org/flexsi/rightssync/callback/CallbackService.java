package org.flexsi.rightssync.callback;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.util.Map;
import java.util.function.Function;
import org.flexsi.platform.problem.ProblemException;
import org.flexsi.rightssync.delivery.AgencyDecision;
import org.flexsi.rightssync.delivery.DecisionService;
import org.flexsi.rightssync.record.Agency;

@ApplicationScoped
@Transactional
public class CallbackService {
    private final CallbackGate gate;
    private final DecisionService decisions;

    public CallbackService(CallbackGate gate, DecisionService decisions) {
        this.gate = gate;
        this.decisions = decisions;
    }

    /** The signature is checked before the body is even parsed: an outsider learns nothing from our answers. */
    public Map<String, String> receive(Agency agency, String rawPath, String timestamp, String nonce, String signature,
            byte[] body, Function<byte[], AgencyDecisionRequest> parse) {
        gate.admit(agency, "POST", rawPath, timestamp, nonce, signature, body);
        AgencyDecisionRequest d = parse.apply(body);
        DecisionService.Outcome outcome = decisions.apply(agency,
                new AgencyDecision(d.recordId(), d.status(), d.agencyReference(), d.reason(), d.decidedAt()));
        return switch (outcome) {
            case APPLIED, DUPLICATE -> Map.of("recordId", d.recordId(), "outcome", outcome.name());
            case UNKNOWN -> throw ProblemException.notFound("no record " + d.recordId() + " was sent to " + agency.id());
            case CONFLICT -> throw ProblemException.conflict("decision-conflict",
                    "record " + d.recordId() + " was already decided otherwise; the first decision stands");
        };
    }
}
