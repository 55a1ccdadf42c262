package org.flexsi.registration.identity;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Format checks for the identity documents. The mainland resident ID follows GB 11643-1999: six digits
 * of address code, eight of birth date, three of sequence (odd = male) and an ISO 7064 MOD 11-2 check
 * character. The 2023 foreign permanent residence card uses the same 18-character scheme starting with 9.
 */
public final class IdNumbers {
    private static final int[] WEIGHTS = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
    private static final String CHECK = "10X98765432";
    private static final LocalDate EARLIEST_BIRTH = LocalDate.of(1900, 1, 1);
    /** Province-level codes of GB/T 2260, plus 71/81/82 used by residence permits of Taiwan, Hong Kong, Macao. */
    private static final Set<String> PROVINCES = Set.of("11", "12", "13", "14", "15", "21", "22", "23", "31", "32", "33",
            "34", "35", "36", "37", "41", "42", "43", "44", "45", "46", "50", "51", "52", "53", "54", "61", "62", "63",
            "64", "65", "71", "81", "82");
    private static final Pattern EIGHTEEN = Pattern.compile("[0-9]{17}[0-9X]");
    /** Chinese passports (E/G + 8 digits, or E + letter + 7 digits) and foreign ones: letters and digits. */
    private static final Pattern PASSPORT = Pattern.compile("[A-Z0-9]{5,17}");
    /** Mainland travel permit for Hong Kong and Macao residents: H or M, then 8 digits (older cards 10). */
    private static final Pattern HK_MACAO = Pattern.compile("[HM][0-9]{8}([0-9]{2})?");
    /** Mainland travel permit for Taiwan residents: 8 digits since 2015, 10 digits (with a letter) before. */
    private static final Pattern TAIWAN = Pattern.compile("[0-9]{8}|[0-9]{10}[A-Z]?");
    /** Foreign permanent residence card before 2023: ISO 3166 alpha-3 country, then 12 digits. */
    private static final Pattern FOREIGN_OLD = Pattern.compile("[A-Z]{3}[0-9]{12}");

    private IdNumbers() {
    }

    /** Checks an ID number; {@code today} (China time) bounds the birth date it encodes. */
    public static IdDocument check(IdType type, String raw, LocalDate today) throws InvalidIdException {
        if (raw == null || raw.isBlank()) {
            throw new InvalidIdException("is required");
        }
        String number = raw.strip().toUpperCase(Locale.ROOT);
        return switch (type) {
            case RESIDENT_ID -> residentId(number, today);
            case PASSPORT -> plain(type, number, PASSPORT, "must be 5 to 17 letters or digits");
            case HK_MACAO_PERMIT -> plain(type, number, HK_MACAO, "must be H or M followed by 8 or 10 digits");
            case TAIWAN_PERMIT -> plain(type, number, TAIWAN, "must be 8 digits, or 10 digits with an optional letter");
            case FOREIGN_PERMANENT_RESIDENCE -> foreignResidence(number, today);
        };
    }

    private static IdDocument residentId(String number, LocalDate today) throws InvalidIdException {
        if (number.length() != 18) {
            throw new InvalidIdException("a resident ID number has 18 characters");
        }
        IdDocument document = eighteen(IdType.RESIDENT_ID, number, today);
        if (!PROVINCES.contains(number.substring(0, 2))) {
            throw new InvalidIdException("the address code does not start with a province code");
        }
        return document;
    }

    private static IdDocument foreignResidence(String number, LocalDate today) throws InvalidIdException {
        if (FOREIGN_OLD.matcher(number).matches()) {
            return new IdDocument(IdType.FOREIGN_PERMANENT_RESIDENCE, number, Optional.empty(), Optional.empty());
        }
        if (number.length() == 18 && number.startsWith("9")) {
            return eighteen(IdType.FOREIGN_PERMANENT_RESIDENCE, number, today);
        }
        throw new InvalidIdException("must be 3 letters and 12 digits, or 18 characters starting with 9");
    }

    private static IdDocument eighteen(IdType type, String number, LocalDate today) throws InvalidIdException {
        if (!EIGHTEEN.matcher(number).matches()) {
            throw new InvalidIdException("must be 17 digits followed by a digit or X");
        }
        if (number.charAt(17) != checkCharacter(number.substring(0, 17))) {
            throw new InvalidIdException("check digit is wrong");
        }
        LocalDate birth;
        try {
            birth = LocalDate.of(Integer.parseInt(number.substring(6, 10)), Integer.parseInt(number.substring(10, 12)),
                    Integer.parseInt(number.substring(12, 14)));
        } catch (DateTimeException e) {
            throw new InvalidIdException("the birth date in the number is not a real date");
        }
        if (birth.isBefore(EARLIEST_BIRTH) || birth.isAfter(today)) {
            throw new InvalidIdException("the birth date in the number is out of range");
        }
        Sex sex = (number.charAt(16) - '0') % 2 == 1 ? Sex.MALE : Sex.FEMALE;
        return new IdDocument(type, number, Optional.of(birth), Optional.of(sex));
    }

    /** The GB 11643 check character of the first 17 digits. */
    public static char checkCharacter(String first17) {
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            sum += (first17.charAt(i) - '0') * WEIGHTS[i];
        }
        return CHECK.charAt(sum % 11);
    }

    private static IdDocument plain(IdType type, String number, Pattern format, String rule) throws InvalidIdException {
        if (!format.matcher(number).matches()) {
            throw new InvalidIdException(rule);
        }
        return new IdDocument(type, number, Optional.empty(), Optional.empty());
    }
}
