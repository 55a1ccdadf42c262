package org.flexsi.contracts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.flexsi.contracts.events.AssessmentCreated;
import org.flexsi.contracts.events.CalendarYearPublished;
import org.flexsi.contracts.events.CertificateIssued;
import org.flexsi.contracts.events.EnrolmentStarted;
import org.flexsi.contracts.events.LineItem;
import org.flexsi.contracts.events.PaymentSucceeded;
import org.flexsi.contracts.events.PersonRegistered;
import org.flexsi.contracts.events.RightsConfirmed;
import org.junit.jupiter.api.Test;

class EventContractsTest {
    private static final ObjectMapper MAPPER = Json.eventMapper();
    private static final Instant NOW = Instant.parse("2026-03-02T08:00:00Z");
    private static final List<LineItem> LINES = List.of(
            new LineItem("PENSION", List.of("2026-03"), "3980.00", "0.20", "796.00"));

    private static final List<Event> SAMPLES = List.of(
            new PersonRegistered("p-1", "RESIDENT_ID", "420106199001011234", "张三", "MALE", LocalDate.of(1990, 1, 1),
                    "420100", "武汉市", NOW),
            new EnrolmentStarted("p-1", "PENSION", "420100", "2026-03", "60", null, null, NOW),
            new AssessmentCreated("a-1", "HD202603020001", "p-1", "420100", LINES, "796.00", "test-1", NOW,
                    NOW.plusSeconds(86400)),
            new PaymentSucceeded("pay-1", "HD202603020001", "p-1", "p-1", "420100", "WECHAT", "wx-1", LINES, "796.00",
                    NOW),
            new CertificateIssued("C-1", "p-1", List.of("pay-1"), "796.00", NOW),
            new RightsConfirmed("r-1", "p-1", "PENSION", "pay-1", "PENSION", List.of("2026-03"), "PEN-1", NOW),
            new CalendarYearPublished(2027, "notice", List.of(LocalDate.of(2027, 1, 1)), List.of(), NOW));

    @Test
    void everyContractHasASampleAndEverySampleValidates() {
        Set<String> sampled = SAMPLES.stream().map(Event::eventType).collect(Collectors.toSet());
        assertEquals(Set.copyOf(EventSchemas.bundledTypes()), sampled, "each contract needs a sample here");
        for (Event event : SAMPLES) {
            JsonNode json = MAPPER.valueToTree(event);
            assertEquals(List.of(), EventSchemas.bundled().violations(event.eventType(), json), event.eventType());
            assertFalse(json.has("eventType"), "routing facts must not leak into the payload");
        }
    }

    @Test
    void aDriftedPayloadIsRefused() {
        ObjectNode payment = MAPPER.valueToTree(SAMPLES.get(3));
        payment.put("total", 796.0);
        payment.remove("personId");
        List<String> violations = EventSchemas.bundled().violations(PaymentSucceeded.TYPE, payment);
        assertEquals(2, violations.size(), violations.toString());
    }

    @Test
    void moneyIsADecimalStringWithTwoPlaces() {
        ObjectNode payment = MAPPER.valueToTree(SAMPLES.get(3));
        payment.put("total", "796.0");
        assertFalse(EventSchemas.bundled().violations(PaymentSucceeded.TYPE, payment).isEmpty());
    }
}
