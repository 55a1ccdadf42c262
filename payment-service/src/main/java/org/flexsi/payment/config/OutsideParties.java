package org.flexsi.payment.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Where the outside parties are and where they reach us, named as the local stack's environment names them. */
public final class OutsideParties {
    private OutsideParties() {
    }

    /** FLEXSI_SIMULATORS_URL: base URL of the providers (the simulators locally). */
    @ConfigMapping(prefix = "flexsi.simulators")
    public interface Simulators {
        @WithDefault("http://127.0.0.1:8090")
        String url();
    }

    /** FLEXSI_SELF_URL: this service's own base URL, for the providers' notify URLs. */
    @ConfigMapping(prefix = "flexsi.self")
    public interface Self {
        @WithDefault("http://127.0.0.1:8083")
        String url();
    }

    /** FLEXSI_SECRET_WECHAT, _ALIPAY, _UNIONPAY: HMAC secrets shared with each provider; no defaults outside dev and test. */
    @ConfigMapping(prefix = "flexsi.secret")
    public interface ProviderSecrets {
        String wechat();

        String alipay();

        String unionpay();
    }
}
