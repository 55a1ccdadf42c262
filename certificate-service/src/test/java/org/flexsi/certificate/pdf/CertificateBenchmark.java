package org.flexsi.certificate.pdf;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Runnable harness, not a test: renders and signs certificates in one thread and prints how many per second,
 * and writes one sample to target/sample-certificate.pdf for pdfsig, pdftotext and pdftoppm.
 * Run: java -cp target/classes:target/test-classes:$(deps) org.flexsi.certificate.pdf.CertificateBenchmark [count]
 */
public final class CertificateBenchmark {
    private CertificateBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int count = args.length > 0 ? Integer.parseInt(args[0]) : 200;
        CertificatePdf renderer = new CertificatePdf(CjkFont.read(CertificatePdfTest.FONT, 1));
        SealKey key = DevelopmentCa.loadOrCreate(Path.of("target/dev-signing"));
        CertificateDocument document = CertificatePdfTest.weifang(1);
        Files.write(Path.of("target/sample-certificate.pdf"), PadesSigner.sign(renderer.render(document), key, "sample", "潍坊"));
        for (int i = 0; i < 30; i++) {
            PadesSigner.sign(renderer.render(document), key, "warm-up", "潍坊");
        }
        long renderNanos = 0;
        long signNanos = 0;
        long bytes = 0;
        for (int i = 0; i < count; i++) {
            long start = System.nanoTime();
            byte[] unsigned = renderer.render(document);
            long rendered = System.nanoTime();
            bytes += PadesSigner.sign(unsigned, key, "benchmark", "潍坊").length;
            signNanos += System.nanoTime() - rendered;
            renderNanos += rendered - start;
        }
        double seconds = (renderNanos + signNanos) / 1e9;
        System.out.printf("%d certificates in %.2f s: %.1f per second on one thread (render %.1f ms, sign %.1f ms each, %d bytes each)%n",
                count, seconds, count / seconds, renderNanos / 1e6 / count, signNanos / 1e6 / count, bytes / count);
    }
}
