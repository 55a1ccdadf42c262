package org.flexsi.payment.order;

import java.util.Locale;
import java.util.Optional;

/** How money reaches us (R18). The online channels are providers with their own order API and callbacks. */
public enum Channel {
    WECHAT(true), ALIPAY(true), UNIONPAY(true), BANK_COUNTER(false), BANK_DEBIT(false);

    private final boolean online;

    Channel(boolean online) {
        this.online = online;
    }

    public boolean online() {
        return online;
    }

    /** The provider's name in URLs and signatures ("wechat"); only for online channels. */
    public String providerId() {
        if (!online) {
            throw new IllegalStateException(this + " has no provider");
        }
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<Channel> byProviderId(String id) {
        for (Channel channel : values()) {
            if (channel.online && channel.name().toLowerCase(Locale.ROOT).equals(id)) {
                return Optional.of(channel);
            }
        }
        return Optional.empty();
    }
}
