package org.flexsi.payment.bank;

import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.flexsi.payment.config.OutsideParties;
import org.flexsi.payment.config.PaymentConfig;
import org.flexsi.payment.signature.SignedCalls;

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
        String text = body == null ? "" : body;
        return new BankCallException(bankId + " answered " + status + ": " + (text.length() > 300 ? text.substring(0, 300) : text),
                status >= 500 || status == 408 || status == 429, null);
    }
}
