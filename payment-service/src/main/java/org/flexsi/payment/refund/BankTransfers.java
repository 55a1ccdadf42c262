package org.flexsi.payment.refund;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.util.LinkedHashMap;
import java.util.Map;
import org.flexsi.contracts.Money;
import org.flexsi.payment.bank.BankClient;
import org.flexsi.payment.config.PaymentConfig;
import org.flexsi.payment.signature.SignedCalls;

/**
 * Transfers out of flexsi's collection account at the payout bank ({@code flexsi.payment.refunds.payout-bank}),
 * signed with that bank's secret. The refund id (with the round of a later account) is the transfer id, so a resend
 * after a lost answer is the same transfer and gets the bank's first answer: no money goes out twice.
 */
@ApplicationScoped
class BankTransfers {
    private final PaymentConfig config;
    private final BankClient banks;
    private final ObjectMapper mapper;

    BankTransfers(PaymentConfig config, BankClient banks, ObjectMapper mapper) {
        this.config = config;
        this.banks = banks;
        this.mapper = mapper;
    }

    Payout transfer(Refund refund) {
        String bank = config.refunds().payoutBank();
        if (!config.bankSecrets().containsKey(bank)) {
            return Payout.unreachable(bank, "no secret for the payout bank: set flexsi.payment.bank-secrets." + bank);
        }
        Map<String, String> body = new LinkedHashMap<>();
        body.put("transferId", refund.transferId());
        body.put("accountNumber", refund.bankAccount);
        body.put("accountName", refund.accountName);
        body.put("bankCode", refund.bankCode);
        body.put("amount", Money.text(refund.total));
        body.put("purpose", "flexsi refund of payment " + refund.paymentId);
        HttpResponse<String> response;
        try {
            response = banks.transfer(bank, mapper.writeValueAsBytes(body), config.refunds().timeout());
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        } catch (IOException e) {
            return Payout.unreachable(bank, bank + " did not answer: " + e.getMessage());
        }
        return switch (response.statusCode()) {
            case 200, 201 -> answer(bank, response);
            // our request is malformed or clashes with an earlier transfer of this id: resending cannot help
            case 400, 409 -> Payout.refused(bank, bank + " refused the transfer: " + SignedCalls.excerpt(response));
            default -> Payout.unreachable(bank, bank + " answered " + SignedCalls.excerpt(response));
        };
    }

    private Payout answer(String bank, HttpResponse<String> response) {
        JsonNode transfer;
        try {
            transfer = mapper.readTree(response.body());
        } catch (IOException e) {
            return Payout.unreachable(bank, bank + " answered something that is not JSON");
        }
        return switch (transfer.path("status").asText()) {
            case "SUCCESS" -> Payout.paid(bank, transfer.path("bankTransactionId").asText());
            case "FAILED" -> Payout.refused(bank, bank + " could not pay the account: " + transfer.path("reason").asText());
            default -> Payout.unreachable(bank, bank + " answered an unknown transfer status " + transfer.path("status"));
        };
    }
}
