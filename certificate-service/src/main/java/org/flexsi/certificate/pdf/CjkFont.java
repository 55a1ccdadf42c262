package org.flexsi.certificate.pdf;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.fontbox.ttf.TTFParser;
import org.apache.fontbox.ttf.TrueTypeCollection;
import org.apache.fontbox.ttf.TrueTypeFont;
import org.apache.pdfbox.io.RandomAccessReadBuffer;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.font.PDType0Font;

/**
 * The CJK font file (a .ttf or a .ttc collection such as WenQuanYi Micro Hei), read once into memory.
 * Each document parses its own copy, because a parsed font is not safe to share between threads
 * while PDFBox subsets it.
 */
public final class CjkFont {
    private final byte[] file;
    private final boolean collection;

    private CjkFont(byte[] file, boolean collection) {
        this.file = file;
        this.collection = collection;
    }

    public static CjkFont read(Path path) throws IOException {
        byte[] bytes = Files.readAllBytes(path);
        return new CjkFont(bytes, bytes.length >= 4 && bytes[0] == 't' && bytes[1] == 't' && bytes[2] == 'c' && bytes[3] == 'f');
    }

    /** A font handle for one document; close it after the document has been saved (the subset is made on save). */
    public Loaded loadInto(PDDocument document) throws IOException {
        if (!collection) {
            TrueTypeFont font = new TTFParser().parse(new RandomAccessReadBuffer(file));
            return new Loaded(PDType0Font.load(document, font, true), font);
        }
        TrueTypeCollection fonts = new TrueTypeCollection(new java.io.ByteArrayInputStream(file));
        AtomicReference<TrueTypeFont> first = new AtomicReference<>();
        fonts.processAllFonts(font -> first.compareAndSet(null, font));
        return new Loaded(PDType0Font.load(document, first.get(), true), fonts);
    }

    public record Loaded(PDType0Font font, java.io.Closeable source) implements AutoCloseable {
        @Override
        public void close() throws IOException {
            source.close();
        }
    }
}
