package org.flexsi.payment.bank;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.HttpHeaders;
import org.flexsi.contracts.signing.HttpSignature;
import org.flexsi.platform.security.Caller;
import org.flexsi.platform.security.Roles;
import org.flexsi.payment.config.PaymentConfig;
import org.flexsi.payment.signature.SignedRequests;

/**
 * The bank channel's front door: the bearer token says "a bank", the HMAC signature with that bank's own
 * key says which one. A bank signing with another bank's id, or without its key, gets nothing.
 */
@ApplicationScoped
public class BankGate {
    private final SignedRequests signatures;
    private final PaymentConfig config;

    public BankGate(SignedRequests signatures, PaymentConfig config) {
        this.signatures = signatures;
        this.config = config;
    }

    /** Returns the verified bank id. */
    public String admit(Caller caller, String method, String rawPath, HttpHeaders headers, byte[] body) {
        String keyId = headers.getHeaderString(HttpSignature.KEY_ID);
        if (keyId != null && !keyId.equals(caller.subject())) {
            throw SignedRequests.refused(HttpSignature.KEY_ID + " must be the bank the token was issued to");
        }
        signatures.verify("bank:" + caller.subject(), config.bankSecrets().get(caller.subject()), method, rawPath, headers, body);
        return caller.subject();
    }
}
