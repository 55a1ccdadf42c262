package org.flexsi.payment.batchdebit;

import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.core.Response;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import org.flexsi.contracts.Money;
import org.flexsi.payment.bank.BankClient;
import org.flexsi.platform.security.Caller;
import org.flexsi.platform.security.Roles;
import org.flexsi.payment.common.Digests;
import org.flexsi.payment.config.PaymentConfig;
import org.flexsi.platform.crypto.FieldCipher;
import org.flexsi.payment.ops.OpsIssue;
import org.flexsi.payment.ops.OpsIssues;
import org.flexsi.payment.order.Channel;
import org.flexsi.payment.order.Payment;
import org.flexsi.payment.order.PaymentBooking;
import org.flexsi.payment.order.Settlement;
import org.flexsi.platform.idempotency.IdempotencyKeys;
import org.flexsi.platform.problem.ProblemException;
import org.flexsi.platform.time.BusinessTime;

/** Monthly batch debit (R19): agreements, one file per bank and month, the bank's result file booked once. */
@ApplicationScoped
@Transactional
public class DebitService {
    private final EntityManager em;
    private final AgroalDataSource dataSource;
    private final IdempotencyKeys idempotency;
    private final PaymentBooking booking;
    private final PaymentConfig config;
    private final BankClient banks;
    private final DebitFiles files;
    private final Clock clock;
    private final OpsIssues issues;

    private final FieldCipher cipher;

    public DebitService(EntityManager em, AgroalDataSource dataSource, IdempotencyKeys idempotency, PaymentBooking booking,
            PaymentConfig config, BankClient banks, DebitFiles files, Clock clock, OpsIssues issues, FieldCipher cipher) {
        this.cipher = cipher;
        this.clock = clock;
        this.issues = issues;
        this.em = em;
        this.dataSource = dataSource;
        this.idempotency = idempotency;
        this.booking = booking;
        this.config = config;
        this.banks = banks;
        this.files = files;
    }

    public Response sign(Caller caller, String key, DebitAgreementRequest request) {
        IdempotencyKeys.require(key);
        banks.requireCooperating(request.bankId());
        return idempotency.once("debit-agreements:" + caller.subject(), key, request, 201, () -> {
            Instant now = clock.instant();
            // one agreement per person: signing again replaces the account
            em.createNativeQuery("insert into debit_agreement (person_id, bank_id, account_number, account_name, signed_at)"
                    + " values (?1, ?2, ?3, ?4, ?5) on conflict (person_id) do update set bank_id = excluded.bank_id,"
                    + " account_number = excluded.account_number, account_name = excluded.account_name, signed_at = excluded.signed_at")
                    .setParameter(1, caller.subject()).setParameter(2, request.bankId())
                    .setParameter(3, cipher.encrypt(DebitBatchRunner.ACCOUNT_NUMBER, request.accountNumber()))
                    .setParameter(4, cipher.encrypt(DebitBatchRunner.ACCOUNT_NAME, request.accountName().strip())).setParameter(5, now).executeUpdate();
            return new DebitAgreementView(caller.subject(), request.bankId(), Digests.maskTail(request.accountNumber()),
                    request.accountName().strip(), now);
        });
    }

    public Response run(String key, DebitBatchRequest request) {
        IdempotencyKeys.require(key);
        banks.requireCooperating(request.bankId());
        YearMonth month = YearMonth.parse(request.month());
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        DebitWindow.refusal(month, config.debit().afterDayOfMonth(), BusinessTime.dateOf(now)).ifPresent(refusal -> {
            throw ProblemException.ruleBroken("R19", refusal);
        });
        return idempotency.once("debit-batches", key, request, 201, () -> {
            if (((Number) em.createNativeQuery("select count(*) from debit_batch where bank_id = ?1 and month = ?2")
                    .setParameter(1, request.bankId()).setParameter(2, request.month()).getSingleResult()).longValue() > 0) {
                throw ProblemException.conflict("batch-exists", "the " + month + " batch of " + request.bankId() + " was already made");
            }
            em.flush();
            try (Connection connection = dataSource.getConnection()) {
                DebitBatchRunner.Batch batch = DebitBatchRunner.run(connection, request.bankId(), request.month(),
                        Path.of(config.debit().directory()), now, cipher::decrypt);
                // a new batch is SEND (the column's default): the submitter sends it once this transaction commits
                boolean pull = pulls(request.bankId());
                if (pull) {
                    try (PreparedStatement update = connection.prepareStatement(
                            "update debit_batch set submission = 'PULL' where id = ?")) {
                        update.setObject(1, batch.batchId());
                        update.executeUpdate();
                    }
                }
                return new DebitBatchView(batch.batchId().toString(), request.bankId(), request.month(),
                        batch.summary().count(), Money.text(batch.summary().total()), batch.summary().checksum(), now,
                        new DebitSubmissionView(pull ? "PULL" : "SEND", 0, null, null, null, null, null, null),
                        DebitResultsView.NONE);
            } catch (SQLException e) {
                throw new IllegalStateException("cannot make the debit batch", e);
            }
        });
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public List<DebitBatchView> batches(String bankId) {
        return views("?1 = '' or b.bank_id = ?1", bankId == null ? "" : bankId);
    }

    /**
     * Ops send a REFUSED batch again once its cause is mended (a bank key rotated, a bank's outage of its file intake):
     * it becomes SEND and the submitter takes it as it takes a new one. The same file goes, so nothing is debited twice.
     */
    public Response resend(Caller caller, String key, UUID batchId) {
        IdempotencyKeys.require(key);
        return idempotency.once("debit-resends:" + caller.subject(), key, batchId.toString(), 200, () -> {
            @SuppressWarnings("unchecked")
            List<String> states = em.createNativeQuery("select submission from debit_batch where id = ?1 for update")
                    .setParameter(1, batchId).getResultList();
            if (states.isEmpty()) {
                throw ProblemException.notFound("no debit batch " + batchId);
            }
            if (!"REFUSED".equals(states.get(0))) {
                throw ProblemException.conflict("debit-batch-not-refused", "debit batch " + batchId + " is "
                        + states.get(0) + "; only a REFUSED batch is sent again");
            }
            em.createNativeQuery("update debit_batch set submission = 'SEND', next_send_at = null, resent_by = ?1,"
                    + " resent_at = ?2 where id = ?3").setParameter(1, caller.subject()).setParameter(2, clock.instant())
                    .setParameter(3, batchId).executeUpdate();
            return views("b.id = ?1", batchId).get(0);
        });
    }

    private List<DebitBatchView> views(String condition, Object parameter) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("select b.id, b.bank_id, b.month, b.line_count, b.total, b.checksum, b.created_at,"
                + " b.submission, b.send_attempts, b.next_send_at, b.sent_at, b.result_checksum, b.last_error, b.resent_by, b.resent_at,"
                + " count(r.checksum), coalesce(sum(r.paid), 0), coalesce(sum(r.unpaid), 0), min(r.received_at)"
                + " from debit_batch b left join debit_result_file r on r.batch_id = b.id where " + condition
                + " group by b.id order by b.created_at desc limit 200")
                .setParameter(1, parameter).getResultList();
        return rows.stream().map(r -> new DebitBatchView(r[0].toString(), (String) r[1], (String) r[2],
                ((Number) r[3]).longValue(), Money.text((BigDecimal) r[4]), (String) r[5], toInstant(r[6]),
                new DebitSubmissionView((String) r[7], ((Number) r[8]).intValue(),
                        "SEND".equals(r[7]) ? toInstant(r[9]) : null, toInstant(r[10]), (String) r[11], (String) r[12],
                        (String) r[13], toInstant(r[14])),
                new DebitResultsView(((Number) r[15]).intValue(), ((Number) r[16]).longValue(), ((Number) r[17]).longValue(),
                        toInstant(r[18])))).toList();
    }

    /** A bank fetches only its own files. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Path file(String bankId, UUID batchId) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("select " + DebitFiles.BatchFile.COLUMNS + " from debit_batch"
                + " where id = ?1 and bank_id = ?2").setParameter(1, batchId).setParameter(2, bankId).getResultList();
        if (rows.isEmpty()) {
            throw ProblemException.notFound("no debit batch " + batchId + " of this bank");
        }
        try {
            Path file = files.ensure(DebitFiles.BatchFile.of(rows.get(0), 0));
            // the bank has its file: the batch is no longer unsent (flexsi_payment_debit_oldest_unsent_seconds)
            io.quarkus.narayana.jta.QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery(
                            "update debit_batch set fetched_at = ?1 where id = ?2 and fetched_at is null")
                    .setParameter(1, clock.instant()).setParameter(2, batchId).executeUpdate());
            return file;
        } catch (DebitBatchRunner.Differs e) {
            throw ProblemException.conflict("debit-file-differs", e.getMessage());
        }
    }

    /** Books a result file; the same file again (same checksum) books nothing new. */
    public DebitBookingResponse book(String bankId, byte[] content) {
        return book(bankId, parse(content));
    }

    /** The bank's answer to the file we sent it: booked as a handed-in result file would be, and the batch marked SENT. */
    public DebitBookingResponse bookSent(UUID batchId, String bankId, byte[] content) {
        DebitResultFile result = parse(content);
        if (!batchId.equals(result.batchId())) {
            throw ProblemException.ruleBroken("debit-result-batch", "the bank answered with the result of batch " + result.batchId());
        }
        DebitBookingResponse booking = book(bankId, result);
        em.createNativeQuery("update debit_batch set submission = 'SENT', sent_at = ?1, result_checksum = ?2, next_send_at = null,"
                + " last_error = null where id = ?3")
                .setParameter(1, clock.instant()).setParameter(2, result.checksum()).setParameter(3, batchId).executeUpdate();
        return booking;
    }

    private static DebitResultFile parse(byte[] content) {
        try {
            return DebitResultFile.parse(content);
        } catch (DebitResultFile.Invalid e) {
            throw ProblemException.invalid("resultFile", e.getMessage());
        }
    }

    private DebitBookingResponse book(String bankId, DebitResultFile result) {
        if (!bankId.equals(result.bankId())) {
            throw ProblemException.ruleBroken("debit-result-bank", "the result file is for bank " + result.bankId());
        }
        long batches = ((Number) em.createNativeQuery("select count(*) from debit_batch where id = ?1 and bank_id = ?2")
                .setParameter(1, result.batchId()).setParameter(2, bankId).getSingleResult()).longValue();
        if (batches == 0) {
            throw ProblemException.notFound("no debit batch " + result.batchId() + " of this bank");
        }
        int first = em.createNativeQuery("insert into debit_result_file (checksum, batch_id, received_at, paid, unpaid)"
                + " values (?1, ?2, ?3, 0, 0) on conflict do nothing")
                .setParameter(1, result.checksum()).setParameter(2, result.batchId()).setParameter(3, clock.instant()).executeUpdate();
        if (first == 0) {
            return new DebitBookingResponse(result.batchId().toString(), 0, 0, true);
        }
        int paid = 0;
        int unpaid = 0;
        Instant bookedAt = clock.instant();
        LocalDate businessDay = BusinessTime.dateOf(bookedAt);
        for (DebitResultFile.Line line : result.lines()) {
            Payment payment = Payment.findById(line.paymentId());
            if (payment == null || !result.batchId().equals(payment.debitBatchId)) {
                throw ProblemException.ruleBroken("debit-result-line", "line " + line.seq() + ": payment " + line.paymentId()
                        + " is not in batch " + result.batchId());
            }
            if (line.paid() && conflicts(bankId, businessDay, line, result.batchId())) {
                continue;
            }
            PaymentBooking.Booked booked = booking.settle(line.paymentId(), line.paid()
                    ? new PaymentBooking.ChannelReport(Settlement.Report.SUCCESS, line.amount(), line.bankTransactionId(),
                            bookedAt, null)
                    : new PaymentBooking.ChannelReport(Settlement.Report.FAILED, null, null, null, "bank debit: " + line.result()));
            if (booked.decision().action() != Settlement.Action.IGNORE) {
                if (line.paid()) {
                    paid++;
                } else {
                    unpaid++;
                }
            }
        }
        em.createNativeQuery("update debit_result_file set paid = ?1, unpaid = ?2 where checksum = ?3")
                .setParameter(1, paid).setParameter(2, unpaid).setParameter(3, result.checksum()).executeUpdate();
        return new DebitBookingResponse(result.batchId().toString(), paid, unpaid, false);
    }

    /**
     * A paid line whose transaction id the bank already gave another payment of ours on this business day (banks number
     * per day, so another day's id is no conflict): not booked, raised once for ops; the rest of the file books.
     */
    private boolean conflicts(String bankId, LocalDate businessDay, DebitResultFile.Line line, UUID batchId) {
        if (line.bankTransactionId() == null) {
            return false;
        }
        Payment other = Payment.<Payment>find("bankId = ?1 and businessDay = ?2 and externalTxnId = ?3 and id <> ?4", bankId,
                businessDay, line.bankTransactionId(), line.paymentId()).firstResult();
        if (other == null) {
            return false;
        }
        issues.raise(OpsIssue.Kind.BANK_TXN_CONFLICT, Channel.BANK_DEBIT.name(), businessDay, line.paymentId(),
                line.bankTransactionId(), line.amount(), other.paidAmount, "debit result of batch " + batchId + ", line "
                        + line.seq() + ": " + bankId + " reported transaction " + line.bankTransactionId() + " of "
                        + businessDay + " for payment " + line.paymentId() + ", but it already booked that transaction for"
                        + " payment " + other.id + "; the line is not booked");
        return true;
    }

    private boolean pulls(String bankId) {
        return config.debit().pullBanks().map(banks -> banks.contains(bankId)).orElse(false);
    }

    /** A timestamp column as the driver hands it over, as an instant. */
    static Instant toInstant(Object value) {
        if (value == null) {
            return null;
        }
        if (value instanceof Instant instant) {
            return instant;
        }
        if (value instanceof java.time.OffsetDateTime offset) {
            return offset.toInstant();
        }
        return ((java.sql.Timestamp) value).toInstant();
    }
}
