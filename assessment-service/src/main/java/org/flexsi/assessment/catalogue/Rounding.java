package org.flexsi.assessment.catalogue;

/** How a line's amount is rounded (always half up). */
public enum Rounding {
    /** base x rate x months, rounded once to the fen (Weifang, Jinan). */
    FEN_PER_LINE,
    /** base x rate rounded to the whole yuan per month, then times the months (Jiangxi, R8). */
    YUAN_PER_MONTH
}
