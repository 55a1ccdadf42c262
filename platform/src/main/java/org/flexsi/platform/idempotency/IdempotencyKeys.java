package org.flexsi.platform.idempotency;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.regex.Pattern;
import org.flexsi.platform.crypto.BlindIndex;
import org.flexsi.platform.crypto.FieldCipher;
import org.flexsi.platform.problem.ProblemException;

/**
 * Exactly-once client writes: the first request with a key runs and its answer is stored in the same
 * transaction; a retry with the same key and body gets the stored answer, a different body under the
 * same key is refused. A request that fails stores nothing, so the client may retry it.
 */
@ApplicationScoped
public class IdempotencyKeys {
    public static final String HEADER = "Idempotency-Key";
    public static final String REPLAYED = "Idempotent-Replayed";
    private static final Pattern KEY = Pattern.compile("[A-Za-z0-9._:-]{8,100}");

    /** Stored answers may hold personal data: encrypted like any other (see {@link FieldCipher}). */
    public static final String BODY_COLUMN = "idempotency_record.body";

    private final EntityManager em;
    private final ObjectMapper mapper;
    private final FieldCipher cipher;
    private final BlindIndex index;
    private final MeterRegistry registry;

    public IdempotencyKeys(EntityManager em, ObjectMapper mapper, FieldCipher cipher, BlindIndex index,
            MeterRegistry registry) {
        this.registry = registry;
        this.cipher = cipher;
        this.index = index;
        this.em = em;
        this.mapper = mapper;
    }

    /** Checks the header before any work is done. */
    public static String require(String key) {
        if (key == null || key.isBlank()) {
            throw ProblemException.invalid(HEADER, "header is required for this write (a unique value per intended operation)");
        }
        if (!KEY.matcher(key).matches()) {
            throw ProblemException.invalid(HEADER, "must be 8 to 100 characters of letters, digits, '.', '_', ':' or '-'");
        }
        return key;
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public Response once(String scope, String key, Object request, int status, Supplier<?> action) {
        require(key);
        String hash = hash(scope, request);
        int claimed = em.createNativeQuery("insert into idempotency_record (scope, idem_key, request_hash, status, created_at)"
                + " values (?1, ?2, ?3, 0, ?4) on conflict do nothing")
                .setParameter(1, scope).setParameter(2, key).setParameter(3, hash).setParameter(4, Instant.now())
                .executeUpdate();
        if (claimed == 0) {
            return replay(scope, find(scope, key).orElseThrow(), hash);
        }
        String body = json(action.get());
        em.createNativeQuery("update idempotency_record set status = ?1, body = ?2 where scope = ?3 and idem_key = ?4")
                .setParameter(1, status).setParameter(2, cipher.encrypt(BODY_COLUMN, body)).setParameter(3, scope)
                .setParameter(4, key)
                .executeUpdate();
        return Response.status(status).type(MediaType.APPLICATION_JSON).entity(body).build();
    }

    /**
     * The stored answer to an earlier request with this key, if there is one, for a write that calls an outside party
     * between two transactions and stores its answer with {@link #once} in the second: a retry of a completed request
     * is answered before any new work starts. A record another transaction is still writing is not visible here.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public Optional<Response> stored(String scope, String key, Object request) {
        require(key);
        return find(scope, key).map(row -> replay(scope, row, hash(scope, request)));
    }

    private Optional<Object[]> find(String scope, String key) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("select request_hash, status, body from idempotency_record"
                + " where scope = ?1 and idem_key = ?2").setParameter(1, scope).setParameter(2, key).getResultList();
        return rows.stream().findFirst();
    }

    private Response replay(String scope, Object[] row, String hash) {
        if (!hash.equals(row[0])) {
            throw ProblemException.ruleBroken("idempotency-key-reuse",
                    "this Idempotency-Key was already used for a different request");
        }
        registry.counter("flexsi.platform.idempotency.replays", "scope", scope).increment();
        return Response.status(((Number) row[1]).intValue()).type(MediaType.APPLICATION_JSON)
                .entity(cipher.decrypt(BODY_COLUMN, (String) row[2]))
                .header(REPLAYED, "true").build();
    }

    /** Keyed: a request body may hold an ID number, which an unkeyed hash would let anyone confirm by guessing. */
    private String hash(String scope, Object request) {
        return index.of("idempotency-request", scope + "\n" + json(request));
    }

    private String json(Object value) {
        try {
            return mapper.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot serialize " + value.getClass(), e);
        }
    }
}
