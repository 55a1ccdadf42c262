package org.flexsi.assessment.catalogue;

/** The insurances a catalogue can offer; the names are those of the event contracts. */
public enum Insurance {
    PENSION, MEDICAL, WORK_INJURY, SERIOUS_ILLNESS, LONG_TERM_CARE
}
