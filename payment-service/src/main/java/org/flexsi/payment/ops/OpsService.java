package org.flexsi.payment.ops;

import io.quarkus.panache.common.Parameters;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.util.List;
import java.util.UUID;
import org.flexsi.platform.problem.ProblemException;

/** Ops' view of what needs a human: list issues with filters, record how one was resolved. */
@ApplicationScoped
@Transactional
public class OpsService {
    private final Clock clock;

    public OpsService(Clock clock) {
        this.clock = clock;
    }

    private static final int PAGE = 200;

    @Transactional(Transactional.TxType.SUPPORTS)
    public List<IssueView> issues(String state, String kind, String channel) {
        StringBuilder query = new StringBuilder("1 = 1");
        Parameters params = new Parameters();
        if (state != null) {
            query.append(" and state = :state");
            params.and("state", OpsIssue.State.valueOf(state));
        }
        if (kind != null) {
            query.append(" and kind = :kind");
            params.and("kind", OpsIssue.Kind.valueOf(kind));
        }
        if (channel != null) {
            query.append(" and channel = :channel");
            params.and("channel", channel);
        }
        return OpsIssue.<OpsIssue>find(query.toString(), Sort.descending("createdAt"), params).page(0, PAGE).list()
                .stream().map(IssueView::of).toList();
    }

    public IssueView resolve(UUID id, String resolution, String opsId) {
        OpsIssue issue = OpsIssue.<OpsIssue>findByIdOptional(id, LockModeType.PESSIMISTIC_WRITE)
                .orElseThrow(() -> ProblemException.notFound("no issue " + id));
        if (issue.state == OpsIssue.State.RESOLVED) {
            throw ProblemException.conflict("issue-resolved", "issue " + id + " was already resolved by " + issue.resolvedBy);
        }
        issue.state = OpsIssue.State.RESOLVED;
        issue.resolution = resolution;
        issue.resolvedBy = opsId;
        issue.resolvedAt = clock.instant();
        return IssueView.of(issue);
    }
}
