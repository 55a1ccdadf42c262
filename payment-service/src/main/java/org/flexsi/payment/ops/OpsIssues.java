package org.flexsi.payment.ops;

import io.quarkus.logging.Log;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.UUID;

/** Raises issues for ops; the same difference found twice (a rerun) is one issue. */
@ApplicationScoped
public class OpsIssues {
    private final Clock clock;

    public OpsIssues(Clock clock) {
        this.clock = clock;
    }

    /** Returns whether this is a new issue. */
    @Transactional(Transactional.TxType.MANDATORY)
    public boolean raise(OpsIssue.Kind kind, String channel, LocalDate day, UUID paymentId, String externalTxnId,
            BigDecimal ours, BigDecimal theirs, String detail) {
        String key = kind + "|" + channel + "|" + (paymentId == null ? "" : paymentId) + "|"
                + (externalTxnId == null ? "" : externalTxnId);
        if (OpsIssue.count("dedupKey", key) > 0) {
            return false;
        }
        OpsIssue issue = new OpsIssue();
        issue.id = UUID.randomUUID();
        issue.dedupKey = key;
        issue.kind = kind;
        issue.channel = channel;
        issue.businessDay = day;
        issue.paymentId = paymentId;
        issue.externalTxnId = externalTxnId;
        issue.ourAmount = ours;
        issue.theirAmount = theirs;
        issue.detail = detail.length() > 500 ? detail.substring(0, 500) : detail;
        issue.state = OpsIssue.State.OPEN;
        issue.createdAt = clock.instant();
        issue.persist();
        Log.warnf("ops issue %s on %s: %s (payment %s)", kind, channel, issue.detail, paymentId);
        return true;
    }
}
