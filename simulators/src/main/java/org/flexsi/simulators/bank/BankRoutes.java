package org.flexsi.simulators.bank;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.Map;
import java.util.regex.Pattern;
import org.flexsi.simulators.http.Fields;
import org.flexsi.simulators.http.Json;
import org.flexsi.simulators.http.PartyGuard;
import org.flexsi.simulators.http.Problem;
import org.flexsi.simulators.http.Request;
import org.flexsi.simulators.http.Response;
import org.flexsi.simulators.http.Router;

/** The banks' API under {@code /banks/{bankId}} (signed with the bank's key) and its test lever under {@code /sim/banks}. */
public final class BankRoutes {
    /** A million-line debit file is about 100 MB. */
    private static final int MAX_DEBIT_FILE_BYTES = 256 << 20;
    private static final Pattern ACCOUNT = Pattern.compile("[0-9]{12,30}");
    private static final Pattern BANK_CODE = Pattern.compile("[0-9]{12}");
    private static final int MAX_TEXT = 100;

    private final Banks banks;
    private final PartyGuard guard;

    public BankRoutes(Banks banks, PartyGuard guard) {
        this.banks = banks;
        this.guard = guard;
    }

    public void register(Router router) {
        router.on("POST", "/banks/{bankId}/debit-files", MAX_DEBIT_FILE_BYTES, this::debitFile)
                .on("POST", "/banks/{bankId}/transfers", this::transfer)
                .on("GET", "/banks/{bankId}/transfers/{transferId}", this::transferState)
                .on("GET", "/banks/{bankId}/statements/{day}", this::statement)
                .on("POST", "/sim/banks/{bankId}/accounts", this::setAccount)
                .on("GET", "/sim/banks/{bankId}/transfers", this::heldTransfers);
    }

    private Response debitFile(Request request) {
        String bankId = signedBy(request);
        return Response.text(200, "text/plain; charset=utf-8", banks.debit(bankId, DebitFile.parse(request.body())));
    }

    private Response transfer(Request request) {
        String bankId = signedBy(request);
        Fields body = Fields.of(Json.readObject(request.body()));
        Transfer requested = new Transfer(body.identifier("transferId"), matching(body, "accountNumber", ACCOUNT, "12 to 30 digits"),
                limited(body, "accountName"), matching(body, "bankCode", BANK_CODE, "the 12-digit bank code"),
                body.money("amount"), limited(body, "purpose"), null, null, null, null);
        Banks.Result result = banks.transfer(bankId, requested);
        return Response.json(result.created() ? 201 : 200, TransferState.of(result.transfer()));
    }

    private Response transferState(Request request) {
        String bankId = signedBy(request);
        String transferId = request.param("transferId");
        return Response.json(200, TransferState.of(banks.transfer(bankId, transferId)
                .orElseThrow(() -> Problem.notFound("no transfer " + transferId + " at " + bankId))));
    }

    private Response statement(Request request) {
        String bankId = signedBy(request);
        LocalDate day;
        try {
            day = LocalDate.parse(request.param("day"));
        } catch (DateTimeParseException e) {
            throw Problem.badRequest("statement day must be yyyy-MM-dd");
        }
        StringBuilder csv = new StringBuilder("transactionId,reference,kind,amount,status,bookedAt\n");
        // references are flexsi's ids ([A-Za-z0-9_.-]), so no field ever needs CSV quoting
        for (StatementEntry entry : banks.statement(bankId, day)) {
            csv.append(entry.transactionId()).append(',').append(entry.reference()).append(',').append(entry.kind()).append(',')
                    .append(entry.amount().toPlainString()).append(',').append(entry.status()).append(',')
                    .append(entry.bookedAt()).append('\n');
        }
        return Response.text(200, "text/csv; charset=utf-8", csv.toString());
    }

    /** Unsigned: the test driver's lever, like /sim/faults. */
    private Response setAccount(Request request) {
        String bankId = known(request);
        Fields body = Fields.of(Json.readObject(request.body()));
        String account = matching(body, "accountNumber", ACCOUNT, "12 to 30 digits");
        String outcomeText = body.text("outcome");
        AccountOutcome outcome = Arrays.stream(AccountOutcome.values()).filter(o -> o.name().equals(outcomeText)).findFirst()
                .orElseThrow(() -> body.invalid("outcome", "must be one of " + Arrays.toString(AccountOutcome.values())));
        banks.setOutcome(bankId, account, outcome);
        return Response.json(200, Map.of("bankId", bankId, "accountNumber", account, "outcome", outcome.name()));
    }

    private Response heldTransfers(Request request) {
        String bankId = known(request);
        return Response.json(200, Map.of("transfers", banks.transfers(bankId).stream().map(TransferState::of).toList()));
    }

    private String signedBy(Request request) {
        String bankId = known(request);
        guard.admitSigned(bankId, request);
        return bankId;
    }

    private String known(Request request) {
        String bankId = request.param("bankId");
        if (!banks.exists(bankId)) {
            throw Problem.notFound("no bank " + bankId);
        }
        return bankId;
    }

    private static String matching(Fields body, String field, Pattern pattern, String what) {
        String value = body.text(field);
        if (!pattern.matcher(value).matches()) {
            throw body.invalid(field, "must be " + what);
        }
        return value;
    }

    private static String limited(Fields body, String field) {
        String value = body.text(field);
        if (value.length() > MAX_TEXT) {
            throw body.invalid(field, "must not be longer than " + MAX_TEXT + " characters");
        }
        return value;
    }

    record TransferState(String transferId, String status, String bankTransactionId, String reason, BigDecimal amount,
            String accountNumber, Instant completedAt) {

        static TransferState of(Transfer t) {
            return new TransferState(t.transferId(), t.status(), t.bankTransactionId(), t.reason(), t.amount(), t.accountNumber(),
                    t.completedAt());
        }
    }
}
