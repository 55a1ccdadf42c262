package org.flexsi.payment.bank;

import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import org.flexsi.contracts.Money;
import org.flexsi.payment.config.OutsideParties;
import org.flexsi.payment.config.PaymentConfig;
import org.flexsi.payment.signature.SignedCalls;
import org.flexsi.platform.problem.ProblemException;

/** The cooperating banks' API (the simulators locally), every request signed with that bank's own secret. */
@ApplicationScoped
public class BankClient {
    private final PaymentConfig config;
    private final OutsideParties.Simulators simulators;
    private final SignedCalls calls;

    public BankClient(PaymentConfig config, OutsideParties.Simulators simulators, SignedCalls calls) {
        this.config = config;
        this.simulators = simulators;
        this.calls = calls;
    }

    /** One money movement of a bank's day: kind DEBIT (reference = our payment id) or TRANSFER (reference = transfer id). */
    public record StatementLine(String transactionId, String reference, String kind, BigDecimal amount, String status,
            Instant bookedAt) {
    }

    /** Sends a debit file; the bank decides every line and answers with its result file. */
    public byte[] debit(String bankId, Path debitFile) {
        HttpResponse<byte[]> response;
        try {
            response = calls.postFile(secret(bankId), uri(bankId, "/debit-files"), debitFile, "text/plain; charset=utf-8",
                    config.debit().bankTimeout());
        } catch (IOException e) {
            throw new BankCallException(bankId + " did not answer: " + e.getMessage(), true, e);
        }
        if (response.statusCode() != 200) {
            throw failed(bankId, response.statusCode(), new String(response.body(), StandardCharsets.UTF_8));
        }
        return response.body();
    }

    /**
     * Pays out of flexsi's collection account at this bank (a signed JSON transfer). The answer is the caller's to
     * read: a refused transfer is an outcome of the payout, not a failed call.
     *
     * @throws IOException when the bank did not answer
     */
    public HttpResponse<String> transfer(String bankId, byte[] transferJson, Duration timeout) throws IOException {
        return calls.send(secret(bankId), "POST", uri(bankId, "/transfers"), transferJson, timeout);
    }

    /** The bank's statement of one Beijing business day. */
    public List<StatementLine> statement(String bankId, LocalDate day) {
        HttpResponse<String> response;
        try {
            response = calls.send(secret(bankId), "GET", uri(bankId, "/statements/" + day), null, config.orders().providerTimeout());
        } catch (IOException e) {
            throw new BankCallException(bankId + " did not answer: " + e.getMessage(), true, e);
        }
        if (response.statusCode() != 200) {
            throw failed(bankId, response.statusCode(), response.body());
        }
        List<StatementLine> lines = new ArrayList<>();
        for (String row : response.body().split("\n")) {
            if (row.isBlank() || row.startsWith("transactionId,")) {
                continue;
            }
            String[] cells = row.strip().split(",", -1);
            BigDecimal amount = cells.length == 6 ? Money.parseOrNull(cells[3]) : null;
            if (amount == null) {
                throw new BankCallException(bankId + " statement has a malformed row", true, null);
            }
            try {
                lines.add(new StatementLine(cells[0], cells[1], cells[2], amount, cells[4], Instant.parse(cells[5])));
            } catch (DateTimeParseException e) {
                throw new BankCallException(bankId + " statement has a malformed bookedAt", true, e);
            }
        }
        return lines;
    }

    /** A bank named by a client (ops, a batch) must be one we share a secret with. */
    public void requireCooperating(String bankId) {
        if (!config.bankSecrets().containsKey(bankId)) {
            throw ProblemException.ruleBroken("unknown-bank", "bank " + bankId + " is not a cooperating bank");
        }
    }

    private URI uri(String bankId, String relativePath) {
        return URI.create(simulators.url() + "/banks/" + bankId + relativePath);
    }

    private String secret(String bankId) {
        String secret = config.bankSecrets().get(bankId);
        if (secret == null) {
            throw new IllegalArgumentException(bankId + " is not a cooperating bank");
        }
        return secret;
    }

    /** Down or failing (5xx, 408, 429) may work later; any other answer is the bank refusing the request. */
    private static BankCallException failed(String bankId, int status, String body) {
        return new BankCallException(bankId + " answered " + SignedCalls.excerpt(status, body),
                status >= 500 || status == 408 || status == 429, null);
    }
}
