package org.flexsi.assessment.calc;

import java.util.List;

/** The lines of a quote or assessment and their total (the sum of the lines, in fen). */
public record Calculation(List<Line> lines, long totalFen) {
}
