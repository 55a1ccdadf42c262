package org.flexsi.assessment.person;

/** A registered person as far as assessments need one; the ID number is kept only as a hash. */
public record Person(String personId, String name, String region) {
}
