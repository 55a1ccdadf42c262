package org.flexsi.registration.identity;

import java.time.LocalDate;
import java.util.Optional;

/**
 * A checked identity document in its canonical spelling. Number-based documents (the mainland resident
 * ID and the 2023 foreign permanent residence card) also tell the birth date and sex.
 */
public record IdDocument(IdType type, String number, Optional<LocalDate> birthDate, Optional<Sex> sex) {
}
