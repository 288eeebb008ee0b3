package org.twinprint.explain.core;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.apache.pdfbox.pdmodel.graphics.image.LosslessFactory;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;
import org.twinprint.core.files.AtomicFiles;
import org.twinprint.core.model.Mesh;

/**
 * The explanation as a PDF (Apache PDFBox): the same sections, the model as a picture from the
 * front, the ranges as bars; its fonts (DejaVu Sans, shipped with the bundle) embedded, so it
 * prints and reads the same everywhere. A4, one column.
 */
public final class PdfExplanation {

    private static final float MARGIN = 56, WIDTH = PDRectangle.A4.getWidth() - 2 * MARGIN;

    private final PDDocument pdf;
    private final PDFont regular, bold;
    private PDPageContentStream page;
    private float y;

    private PdfExplanation(PDDocument pdf) throws IOException {
        this.pdf = pdf;
        this.regular = font("fonts/DejaVuSans.ttf");
        this.bold = font("fonts/DejaVuSans-Bold.ttf");
    }

    public static void write(Path file, ExplanationDocument doc, List<Mesh> meshes) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (PDDocument pdf = new PDDocument()) {
            PDDocumentInformation info = pdf.getDocumentInformation();
            info.setTitle(doc.title());
            info.setCreator("TwinPrint (research tool, not a medical device)");
            new PdfExplanation(pdf).lay(doc, meshes);
            pdf.save(bytes);
        }
        AtomicFiles.write(file, out -> bytes.writeTo(out));
    }

    private PDFont font(String resource) throws IOException {
        try (InputStream in = PdfExplanation.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IOException("the explanation bundle lacks " + resource);
            }
            return PDType0Font.load(pdf, in, true);
        }
    }

    private void lay(ExplanationDocument doc, List<Mesh> meshes) throws IOException {
        Wording w = Wording.of(doc.language());
        newPage();
        paragraph(doc.title(), bold, 20, 0.11f);
        paragraph((doc.preparedBy() == null ? w.text("prepared.nobody", doc.date())
                : w.text("prepared", doc.preparedBy(), doc.date())) + " " + w.text("notice"), regular, 9, 0.35f);
        for (ExplanationDocument.Section s : doc.sections()) {
            if (!s.shown()) {
                continue;
            }
            space(14);
            paragraph(s.title(), bold, 14, 0.11f);
            // a picture cannot be turned: the model's section says what it shows instead
            boolean model = s.key().equals("model") && !meshes.isEmpty();
            paragraph(model && s.text().equals(w.text("model.text")) ? w.text("model.picture") : s.text(), regular, 11,
                    0.11f);
            if (model) {
                picture(MeshSnapshot.front(meshes, 900, 600), 300);
            }
            for (ExplanationDocument.Bar bar : s.bars()) {
                bar(bar, doc.language());
            }
        }
        page.close();
    }

    private void newPage() throws IOException {
        if (page != null) {
            page.close();
        }
        PDPage p = new PDPage(PDRectangle.A4);
        pdf.addPage(p);
        page = new PDPageContentStream(pdf, p);
        y = PDRectangle.A4.getHeight() - MARGIN;
    }

    private void space(float points) throws IOException {
        y -= points;
        if (y < MARGIN) {
            newPage();
        }
    }

    /** Text wrapped to the column, in grey level {@code grey} (0 black). */
    private void paragraph(String text, PDFont font, float size, float grey) throws IOException {
        for (String line : wrap(text, font, size)) {
            space(size * 1.4f);
            page.beginText();
            page.setFont(font, size);
            page.setNonStrokingColor(grey, grey, grey + 0.08f);
            page.newLineAtOffset(MARGIN, y);
            page.showText(line);
            page.endText();
        }
    }

    private static List<String> wrap(String text, PDFont font, float size) throws IOException {
        List<String> lines = new ArrayList<>();
        StringBuilder line = new StringBuilder();
        for (String word : text.split("\\s+")) {
            String tried = line.isEmpty() ? word : line + " " + word;
            if (font.getStringWidth(tried) / 1000 * size > WIDTH && !line.isEmpty()) {
                lines.add(line.toString());
                line = new StringBuilder(word);
            } else {
                line = new StringBuilder(tried);
            }
        }
        if (!line.isEmpty()) {
            lines.add(line.toString());
        }
        return lines;
    }

    private void picture(java.awt.image.BufferedImage image, float height) throws IOException {
        float width = height * image.getWidth() / image.getHeight();
        space(8);
        if (y - height < MARGIN) {
            newPage();
        }
        y -= height;
        PDImageXObject x = LosslessFactory.createFromImage(pdf, image);
        page.drawImage(x, MARGIN, y, width, height);
    }

    /** A range as a bar: the interval shaded, the value marked, the numbers beside it. */
    private void bar(ExplanationDocument.Bar bar, String language) throws IOException {
        paragraph(bar.label() + ": " + ExplanationDraft.number(bar.value(), language) + " (" + ExplanationDraft.number(
                bar.lower(), language) + "\u2013" + ExplanationDraft.number(bar.upper(), language) + ") " + bar.unit(),
                regular, 10, 0.2f);
        space(14);
        double span = Math.max(1e-9, bar.upper() - bar.lower());
        double from = Math.max(0, bar.lower() - 0.25 * span), to = bar.upper() + 0.25 * span;
        float scale = (float) (WIDTH / (to - from));
        page.setNonStrokingColor(0.93f, 0.945f, 0.96f);
        page.addRect(MARGIN, y, WIDTH, 9);
        page.fill();
        page.setNonStrokingColor(0.56f, 0.70f, 0.88f);
        page.addRect(MARGIN + (float) (bar.lower() - from) * scale, y, (float) span * scale, 9);
        page.fill();
        page.setNonStrokingColor(0.11f, 0.25f, 0.45f);
        page.addRect(MARGIN + (float) (bar.value() - from) * scale - 1, y - 2, 2.5f, 13);
        page.fill();
    }
}
