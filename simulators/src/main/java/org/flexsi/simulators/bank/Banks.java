package org.flexsi.simulators.bank;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import org.flexsi.simulators.TransactionIds;
import org.flexsi.simulators.http.Problem;

/** The cooperating banks: their account outcomes, the debit files they decided, transfers and statements. */
public final class Banks {
    /** Banks cut statements by Beijing business day, like the providers. */
    static final ZoneId STATEMENT_ZONE = ZoneId.of("Asia/Shanghai");

    private final Map<String, Book> books = new TreeMap<>();

    public Banks(Set<String> bankIds) {
        bankIds.forEach(id -> books.put(id, new Book(id)));
    }

    public Set<String> ids() {
        return books.keySet();
    }

    public boolean exists(String bankId) {
        return books.containsKey(bankId);
    }

    /** Makes debits from (and transfers to) this account end as {@code outcome}; PAID restores the default. */
    public void setOutcome(String bankId, String accountNumber, AccountOutcome outcome) {
        book(bankId).outcomes.put(accountNumber, outcome);
    }

    /**
     * Decides every line of a debit file and answers with the result file. The same file again gets the same
     * answer and moves no money twice; another file for a batch already decided is a 409.
     */
    String debit(String bankId, DebitFile file) {
        Book book = book(bankId);
        if (!bankId.equals(file.bankId())) {
            throw Problem.badRequest("header: the file is for bank " + file.bankId() + ", not " + bankId);
        }
        synchronized (book) {
            Decided earlier = book.decided.get(file.batchId());
            if (earlier != null) {
                if (!earlier.checksum().equals(file.checksum())) {
                    throw Problem.conflict("batch " + file.batchId() + " was already debited from another file");
                }
                return earlier.resultFile();
            }
            Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
            StringBuilder result = new StringBuilder("H|FLEXSI-DEBIT-RESULT|1|" + file.batchId() + "|" + bankId + "\n");
            BigDecimal paidTotal = BigDecimal.ZERO;
            for (DebitFile.Line line : file.lines()) {
                AccountOutcome outcome = book.outcomes.getOrDefault(line.accountNumber(), AccountOutcome.PAID);
                String transactionId = "";
                if (outcome == AccountOutcome.PAID) {
                    transactionId = book.nextTransactionId("dd");
                    paidTotal = paidTotal.add(line.amount());
                    book.entries.add(new StatementEntry(transactionId, line.paymentId(), StatementEntry.Kind.DEBIT,
                            line.amount(), "PAID", now));
                }
                result.append("R|").append(line.seq()).append('|').append(line.paymentId()).append('|').append(outcome.name())
                        .append('|').append(line.amount().toPlainString()).append('|').append(transactionId).append('\n');
            }
            result.append("T|").append(file.lines().size()).append('|').append(paidTotal.setScale(2).toPlainString()).append('\n');
            String text = result + "S|" + DebitFile.sha256(result.toString()) + "\n";
            book.decided.put(file.batchId(), new Decided(file.checksum(), text));
            return text;
        }
    }

    /**
     * Pays out of flexsi's collection account, once per transferId: a resend gets the first answer, a resend
     * that changes the transfer is a 409.
     */
    Result transfer(String bankId, Transfer requested) {
        Book book = book(bankId);
        synchronized (book) {
            Transfer earlier = book.transfers.get(requested.transferId());
            if (earlier != null) {
                if (!earlier.sameRequest(requested)) {
                    throw Problem.conflict("transfer " + requested.transferId() + " exists with other details");
                }
                return new Result(earlier, false);
            }
            Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
            AccountOutcome outcome = book.outcomes.getOrDefault(requested.accountNumber(), AccountOutcome.PAID);
            Transfer done;
            if (outcome.canReceive()) {
                String transactionId = book.nextTransactionId("tr");
                done = new Transfer(requested.transferId(), requested.accountNumber(), requested.accountName(),
                        requested.bankCode(), requested.amount(), requested.purpose(), "SUCCESS", transactionId, null, now);
                book.entries.add(new StatementEntry(transactionId, requested.transferId(), StatementEntry.Kind.TRANSFER,
                        requested.amount(), "SUCCESS", now));
            } else {
                done = new Transfer(requested.transferId(), requested.accountNumber(), requested.accountName(),
                        requested.bankCode(), requested.amount(), requested.purpose(), "FAILED", null, outcome.name(), now);
            }
            book.transfers.put(done.transferId(), done);
            return new Result(done, true);
        }
    }

    record Result(Transfer transfer, boolean created) {
    }

    public List<Transfer> transfers(String bankId) {
        return book(bankId).transfers.values().stream().sorted(Comparator.comparing(Transfer::completedAt)).toList();
    }

    public Optional<Transfer> transfer(String bankId, String transferId) {
        return Optional.ofNullable(book(bankId).transfers.get(transferId));
    }

    /** The money that moved on one Beijing business day, in booking order. */
    public List<StatementEntry> statement(String bankId, LocalDate day) {
        Book book = book(bankId);
        synchronized (book) {
            return book.entries.stream().filter(e -> e.bookedAt().atZone(STATEMENT_ZONE).toLocalDate().equals(day)).toList();
        }
    }

    private Book book(String bankId) {
        Book book = books.get(bankId);
        if (book == null) {
            throw Problem.notFound("no bank " + bankId);
        }
        return book;
    }

    private record Decided(String checksum, String resultFile) {
    }

    private static final class Book {
        private final String bankId;
        private final Map<String, AccountOutcome> outcomes = new ConcurrentHashMap<>();
        private final Map<String, Decided> decided = new ConcurrentHashMap<>();
        private final Map<String, Transfer> transfers = new ConcurrentHashMap<>();
        /** Guarded by the book's monitor; a plain list because a debit file adds a million entries at once. */
        private final List<StatementEntry> entries = new ArrayList<>();
        /** Unique across restarts: a restarted bank does not number from 00000001 again in the same ids. */
        private final TransactionIds ids;

        Book(String bankId) {
            this.bankId = bankId;
            this.ids = new TransactionIds(bankId);
        }

        String nextTransactionId(String kind) {
            return ids.next(kind);
        }
    }
}
