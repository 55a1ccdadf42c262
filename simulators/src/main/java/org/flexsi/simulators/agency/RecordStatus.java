package org.flexsi.simulators.agency;

public enum RecordStatus {
    RECEIVED, CONFIRMED, REJECTED
}
