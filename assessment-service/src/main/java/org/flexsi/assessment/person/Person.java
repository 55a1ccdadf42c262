package org.flexsi.assessment.person;

/**
 * A registered person as far as assessments need one. The ID number is kept only as its keyed blind index and the name
 * only encrypted, for the lookup by name and ID number; neither is needed beyond it.
 */
public record Person(String personId, String region) {
}
