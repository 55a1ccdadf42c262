package org.flexsi.rightssync.it;

import static org.awaitility.Awaitility.await;
import static io.restassured.RestAssured.given;
import static org.flexsi.rightssync.it.Fixtures.records;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import org.flexsi.contracts.Topics;
import org.flexsi.contracts.events.PaymentSucceeded;
import org.flexsi.contracts.events.RightsAtRisk;
import org.flexsi.contracts.events.RightsOverdue;
import org.flexsi.platform.calendar.WorkingDayCalendar;
import org.flexsi.platform.kafka.CloudEventHeaders;
import org.flexsi.platform.testing.TestKafka;
import org.flexsi.platform.time.BusinessTime;
import org.junit.jupiter.api.Test;

/** Records of persons the agencies never hear about (not registered here) stay unconfirmed: the monitor must say so. */
@QuarkusTest
class DeadlinesTest {
    @Inject
    Clock clock;
    private static final ZoneId BEIJING = BusinessTime.ZONE;

    @Test
    void aRecordPastItsDeadlineIsFlaggedOverdueOnceWithAnEventAndAMetric() {
        String person = Fixtures.person();
        // paid on the Friday before National Day 2024, 00:30 in Beijing (still Thursday in UTC): the 调休 Sunday counts,
        // the holiday week does not
        PaymentSucceeded payment = Fixtures.pension(person, "2024-09",
                LocalDate.of(2024, 9, 27).atTime(LocalTime.of(0, 30)).atZone(BEIJING).toInstant());
        TestKafka.publish(payment, Fixtures.PAYMENT);
        await("flagged overdue").until(() -> records(payment.paymentId()).getList("records.status").contains("OVERDUE"));
        String recordId = records(payment.paymentId()).getString("records[0].recordId");
        assertEquals("2024-10-08", records(payment.paymentId()).getString("records[0].deadline"));
        given().header("Authorization", Fixtures.OPS).get("/api/v1/rights/at-risk").then().statusCode(200)
                .body("records.recordId", hasItem(recordId));

        var events = TestKafka.read(Topics.RIGHTS, Duration.ofSeconds(20), seen -> seen.stream().anyMatch(r ->
                person.equals(r.key()) && RightsOverdue.TYPE.equals(TestKafka.header(r, CloudEventHeaders.TYPE))));
        assertTrue(events.stream().anyMatch(r -> person.equals(r.key()) && r.value().contains("\"deadline\":\"2024-10-08\"")));
        Fixtures.awaitMonitorPass();
        assertEquals(1, Fixtures.announced(person, RightsOverdue.TYPE), "announced once, not on every check");

        String metrics = given().get("/q/metrics").then().statusCode(200).extract().asString();
        assertTrue(metrics.lines().anyMatch(l -> l.startsWith("flexsi_rights_overdue{") && l.contains("PENSION")
                && Double.parseDouble(l.substring(l.lastIndexOf(' ') + 1)) >= 1), metrics);
        assertTrue(metrics.contains("days_to_deadline=\"overdue\""));
    }

    /**
     * R24 on the Beijing day: a payment at 23:59 on Tuesday 2026-09-29 and one two minutes later, 00:01 on Wednesday
     * in Beijing but still Tuesday in UTC. National Day 2026 is 10-01..10-07 and Saturday 10-10 is worked.
     */
    @Test
    void aPaymentJustAfterMidnightInBeijingCountsOnTheBeijingDay() {
        String person = Fixtures.person();
        PaymentSucceeded lateTuesday = Fixtures.pension(person, "2026-09",
                LocalDate.of(2026, 9, 29).atTime(LocalTime.of(23, 59)).atZone(BEIJING).toInstant());
        PaymentSucceeded earlyWednesday = Fixtures.pension(person, "2026-10",
                LocalDate.of(2026, 9, 30).atTime(LocalTime.of(0, 1)).atZone(BEIJING).toInstant());
        assertEquals(LocalDate.of(2026, 9, 29), LocalDate.ofInstant(earlyWednesday.paidAt(), java.time.ZoneOffset.UTC));
        TestKafka.publish(lateTuesday, Fixtures.PAYMENT);
        TestKafka.publish(earlyWednesday, Fixtures.PAYMENT);
        await("both recorded").until(() -> records(lateTuesday.paymentId()).getList("records").size() == 1
                && records(earlyWednesday.paymentId()).getList("records").size() == 1);
        assertEquals("2026-10-09", records(lateTuesday.paymentId()).getString("records[0].deadline"));
        assertEquals("2026-10-10", records(earlyWednesday.paymentId()).getString("records[0].deadline"));
    }

    @Test
    void aRecordWithinOneWorkingDayOfItsDeadlineIsAtRisk() {
        WorkingDayCalendar calendar = WorkingDayCalendar.bundled();
        LocalDate today = BusinessTime.today(clock);
        LocalDate lastRisky = calendar.addWorkingDays(today, 1);
        LocalDate paid = today;
        while (calendar.addWorkingDays(paid, 3).isAfter(lastRisky)) {
            paid = paid.minusDays(1);
        }
        String person = Fixtures.person();
        PaymentSucceeded payment = Fixtures.pension(person, "2026-10", paid.atTime(LocalTime.of(0, 30)).atZone(BEIJING).toInstant());
        TestKafka.publish(payment, Fixtures.PAYMENT);
        await("flagged at risk").until(() -> Boolean.TRUE.equals(records(payment.paymentId()).get("records[0].atRisk")));
        assertEquals("PENDING", records(payment.paymentId()).getString("records[0].status"));
        TestKafka.read(Topics.RIGHTS, Duration.ofSeconds(20), seen -> seen.stream().anyMatch(r ->
                person.equals(r.key()) && RightsAtRisk.TYPE.equals(TestKafka.header(r, CloudEventHeaders.TYPE))));
        assertEquals(1, Fixtures.announced(person, RightsAtRisk.TYPE));
    }
}
