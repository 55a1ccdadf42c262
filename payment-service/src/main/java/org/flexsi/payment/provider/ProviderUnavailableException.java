package org.flexsi.payment.provider;

/** The provider did not answer usefully (down, timeout, refused our signature, 5xx). Nothing was decided. */
public class ProviderUnavailableException extends RuntimeException {
    public ProviderUnavailableException(String message) {
        super(message);
    }

    public ProviderUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
