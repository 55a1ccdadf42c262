package org.flexsi.certificate.pdf;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.fontbox.ttf.TTFParser;
import org.apache.fontbox.ttf.TrueTypeCollection;
import org.apache.fontbox.ttf.TrueTypeFont;
import org.apache.pdfbox.io.RandomAccessReadBuffer;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.font.PDType0Font;

/**
 * The CJK font file (a .ttf, or a .ttc collection such as WenQuanYi Micro Hei, whose first font is used).
 * Parsing the 5 MB collection costs far more than a whole certificate, and a parsed font may serve only one
 * document at a time (PDFBox reads it while subsetting on save), so parsed copies are pooled.
 */
public final class CjkFont {
    private final byte[] file;
    private final int maxCopies;
    private final BlockingQueue<TrueTypeFont> idle = new LinkedBlockingQueue<>();
    private int copies;

    private CjkFont(byte[] file, int maxCopies) {
        this.file = file;
        this.maxCopies = maxCopies;
    }

    public static CjkFont read(Path path, int maxCopies) throws IOException {
        return new CjkFont(Files.readAllBytes(path), maxCopies);
    }

    /** The font for one document, embedded as a subset; close the handle after the document has been saved. */
    public Loaded loadInto(PDDocument document) throws IOException {
        TrueTypeFont font = borrow();
        try {
            return new Loaded(PDType0Font.load(document, font, true), () -> idle.add(font));
        } catch (IOException | RuntimeException e) {
            idle.add(font);
            throw e;
        }
    }

    private TrueTypeFont borrow() throws IOException {
        TrueTypeFont font = idle.poll();
        if (font != null) {
            return font;
        }
        synchronized (this) {
            if (copies < maxCopies) {
                copies++;
                return parse();
            }
        }
        try {
            return idle.take();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while waiting for the font", e);
        }
    }

    private TrueTypeFont parse() throws IOException {
        boolean collection = file.length >= 4 && file[0] == 't' && file[1] == 't' && file[2] == 'c' && file[3] == 'f';
        if (!collection) {
            return new TTFParser().parse(new RandomAccessReadBuffer(file));
        }
        // the collection stays open as long as its font is pooled
        TrueTypeCollection fonts = new TrueTypeCollection(new ByteArrayInputStream(file));
        AtomicReference<TrueTypeFont> first = new AtomicReference<>();
        fonts.processAllFonts(font -> first.compareAndSet(null, font));
        return first.get();
    }

    /** A borrowed font; closing gives it back to the pool. */
    public record Loaded(PDType0Font font, Runnable release) implements AutoCloseable {
        @Override
        public void close() {
            release.run();
        }
    }
}
