package org.flexsi.assessment.person;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import java.io.Serializable;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** A month of one insurance a payment paid (the read model of flexsi.payment; a refund removes it again). */
@Entity
@Table(name = "paid_month")
@IdClass(PaidMonth.Key.class)
class PaidMonth extends PanacheEntityBase {
    record Key(String personId, String insurance, String month) implements Serializable {
    }

    @Id
    @Column(name = "person_id")
    String personId;
    @Id
    String insurance;
    @Id
    @JdbcTypeCode(SqlTypes.CHAR)
    String month;
    @Column(name = "payment_id")
    String paymentId;
    @Column(name = "assessment_serial")
    String assessmentSerial;
}
