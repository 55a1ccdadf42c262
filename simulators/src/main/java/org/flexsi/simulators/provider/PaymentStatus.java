package org.flexsi.simulators.provider;

/** Order states as the providers report them (NOTPAY is WeChat's spelling, kept for all three). */
public enum PaymentStatus {
    NOTPAY, SUCCESS, FAILED, CLOSED
}
