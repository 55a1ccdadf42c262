package org.flexsi.assessment.config;

import jakarta.ws.rs.core.Response;
import org.flexsi.assessment.calc.RuleViolation;
import org.flexsi.platform.problem.ProblemException;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/** A broken domain rule is a 422 problem naming the rule; the transaction has rolled back. */
public class RuleViolationMapper {
    @ServerExceptionMapper
    public Response ruleBroken(RuleViolation e) {
        return ProblemException.ruleBroken(e.rule(), e.getMessage()).problem().toResponse();
    }
}
