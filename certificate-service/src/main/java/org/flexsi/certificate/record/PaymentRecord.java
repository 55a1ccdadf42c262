package org.flexsi.certificate.record;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.flexsi.contracts.Json;
import org.flexsi.contracts.events.LineItem;

/** One successful payment of one person, as the certificate service keeps it; refunds are recorded on it, never deleted. */
@Entity
@Table(name = "payment_record")
public class PaymentRecord extends PanacheEntityBase {
    private static final ObjectMapper JSON = Json.eventMapper();

    public enum Origin { EVENT, HISTORICAL_LOAD }

    @Id
    @Column(name = "payment_id")
    public String paymentId;
    @Column(name = "person_id")
    public String personId;
    @Column(name = "payer_id")
    public String payerId;
    public String region;
    @Column(name = "assessment_serial")
    public String assessmentSerial;
    public String channel;
    public String provider;
    @Column(name = "lines")
    String linesJson;
    public BigDecimal total;
    @Column(name = "refunded_lines")
    String refundedLinesJson = "[]";
    @Column(name = "refunded_total")
    public BigDecimal refundedTotal = BigDecimal.ZERO.setScale(2);
    @Column(name = "paid_at")
    public Instant paidAt;
    @jakarta.persistence.Enumerated(jakarta.persistence.EnumType.STRING)
    public Origin origin;
    @Column(name = "loaded_at")
    public Instant loadedAt;

    public List<LineItem> lines() {
        return read(linesJson);
    }

    public void lines(List<LineItem> lines) {
        linesJson = write(lines);
    }

    public List<LineItem> refundedLines() {
        return read(refundedLinesJson);
    }

    public void addRefund(List<LineItem> lines, BigDecimal amount) {
        List<LineItem> all = new ArrayList<>(refundedLines());
        all.addAll(lines);
        refundedLinesJson = write(all);
        refundedTotal = refundedTotal.add(amount);
    }

    /** What the payment still certifies after refunds. */
    public BigDecimal netTotal() {
        return total.subtract(refundedTotal);
    }

    public boolean paidByProxy() {
        return !payerId.equals(personId);
    }

    private static List<LineItem> read(String json) {
        try {
            return JSON.readValue(json, new TypeReference<List<LineItem>>() { });
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored lines are not JSON", e);
        }
    }

    private static String write(List<LineItem> lines) {
        try {
            return JSON.writeValueAsString(lines);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
