package org.flexsi.assessment.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import org.flexsi.platform.security.TokenSigner;

/**
 * Load on a running service's quote endpoint: {@code concurrency} clients post the Weifang all-items quote for
 * {@code seconds}; prints requests per second and latency percentiles. Nothing is asserted.
 * Run: {@code java -cp <test classpath> org.flexsi.assessment.bench.QuoteLoadBenchmark http://127.0.0.1:8082 private-key.pem 20 16}.
 */
public final class QuoteLoadBenchmark {
    private static final String BODY = """
            {"region": "370700", "year": 2023, "base": "4378.00",
             "months": ["2023-01", "2023-02", "2023-03", "2023-04", "2023-05", "2023-06",
                        "2023-07", "2023-08", "2023-09", "2023-10", "2023-11", "2023-12"],
             "insurances": [{"insurance": "PENSION"}, {"insurance": "MEDICAL", "rate": "0.07"},
                            {"insurance": "WORK_INJURY"}, {"insurance": "SERIOUS_ILLNESS"}, {"insurance": "LONG_TERM_CARE"}]}""";

    private QuoteLoadBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        URI uri = URI.create(args[0] + "/api/v1/quotes");
        String token = "Bearer " + TokenSigner.fromPrivateKeyPem(Path.of(args[1])).sign("contributor", "bench", Duration.ofHours(1));
        int seconds = args.length > 2 ? Integer.parseInt(args[2]) : 20;
        int concurrency = args.length > 3 ? Integer.parseInt(args[3]) : 16;
        HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).executor(Executors.newFixedThreadPool(4)).build();
        HttpRequest request = HttpRequest.newBuilder(uri).header("Authorization", token).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(BODY)).build();

        run(client, request, Math.max(3, seconds / 4), concurrency, "warm-up");
        run(client, request, seconds, concurrency, "measured");
        System.exit(0);
    }

    private static void run(HttpClient client, HttpRequest request, int seconds, int concurrency, String label) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(concurrency);
        AtomicLong errors = new AtomicLong();
        long deadline = System.nanoTime() + seconds * 1_000_000_000L;
        List<Future<long[]>> results = new ArrayList<>();
        long start = System.nanoTime();
        for (int c = 0; c < concurrency; c++) {
            results.add(pool.submit(() -> {
                long[] latencies = new long[1 << 16];
                int n = 0;
                while (System.nanoTime() < deadline) {
                    long t0 = System.nanoTime();
                    HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString());
                    long took = System.nanoTime() - t0;
                    if (response.statusCode() != 200 || !response.body().contains("\"total\":\"14855.54\"")) {
                        errors.incrementAndGet();
                    }
                    if (n == latencies.length) {
                        latencies = Arrays.copyOf(latencies, n * 2);
                    }
                    latencies[n++] = took;
                }
                return Arrays.copyOf(latencies, n);
            }));
        }
        List<long[]> all = new ArrayList<>();
        for (Future<long[]> f : results) {
            all.add(f.get());
        }
        double elapsed = (System.nanoTime() - start) / 1e9;
        pool.shutdown();
        long[] merged = all.stream().flatMapToLong(Arrays::stream).sorted().toArray();
        System.out.printf("%-9s %d clients, %.1f s: %,d quotes, %,.0f quotes/s, p50 %.2f ms, p99 %.2f ms, max %.2f ms, wrong answers %d%n",
                label, concurrency, elapsed, merged.length, merged.length / elapsed, pct(merged, 0.50), pct(merged, 0.99),
                merged.length == 0 ? 0 : merged[merged.length - 1] / 1e6, errors.get());
    }

    private static double pct(long[] sorted, double p) {
        return sorted.length == 0 ? 0 : sorted[(int) Math.min(sorted.length - 1, Math.floor(p * sorted.length))] / 1e6;
    }
}
