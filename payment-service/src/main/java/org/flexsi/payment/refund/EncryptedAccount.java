package org.flexsi.payment.refund;

import io.quarkus.arc.Arc;
import jakarta.persistence.AttributeConverter;
import org.flexsi.platform.crypto.FieldCipher;

/**
 * The payout account on a refund, stored encrypted with the platform's {@link FieldCipher} (issue 17: a copy of the
 * database reveals no account). Each column is its own context, so a value copied to another column does not decrypt.
 * The columns are listed in {@code flexsi.crypto.encrypted-columns}: rows from before are encrypted by the platform's
 * re-encryption job and read as they are until then.
 */
public final class EncryptedAccount {
    public static final String BANK_ACCOUNT = "refund.bank_account";
    public static final String ACCOUNT_NAME = "refund.account_name";

    private EncryptedAccount() {
    }

    private static FieldCipher cipher() {
        return Arc.container().instance(FieldCipher.class).get();
    }

    /** {@code refund.bank_account}. */
    public static class Number implements AttributeConverter<String, String> {
        @Override
        public String convertToDatabaseColumn(String plain) {
            return cipher().encrypt(BANK_ACCOUNT, plain);
        }

        @Override
        public String convertToEntityAttribute(String stored) {
            return cipher().decrypt(BANK_ACCOUNT, stored);
        }
    }

    /** {@code refund.account_name}: the holder's name sent with the transfer. */
    public static class Name implements AttributeConverter<String, String> {
        @Override
        public String convertToDatabaseColumn(String plain) {
            return cipher().encrypt(ACCOUNT_NAME, plain);
        }

        @Override
        public String convertToEntityAttribute(String stored) {
            return cipher().decrypt(ACCOUNT_NAME, stored);
        }
    }
}
