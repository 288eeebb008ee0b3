package org.twinprint.explain.core;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.twinprint.core.files.AtomicFiles;
import org.twinprint.core.model.Mesh;
import org.twinprint.core.spi.Parameters;
import org.twinprint.core.spi.Progress;
import org.twinprint.meshing.core.GlbFormat;
import org.twinprint.meshing.core.MeshReduction;

/**
 * The explanation as one self-contained HTML file: the text, the ranges as bars, and the
 * patient's meshes as an embedded GLB drawn by a small WebGL viewer written into the page. Its
 * Content-Security-Policy allows nothing from outside the file, so it opens offline, from a USB
 * stick or an e-mail, and never calls out.
 */
public final class HtmlExplanation {

    /** All meshes together are reduced to at most this many triangles, so the file stays small. */
    public static final int TRIANGLE_BUDGET = 250_000;

    private HtmlExplanation() {
    }

    public static void write(Path file, ExplanationDocument doc, List<Mesh> meshes, Progress progress)
            throws IOException {
        AtomicFiles.writeString(file, html(doc, meshes, progress));
    }

    static String html(ExplanationDocument doc, List<Mesh> meshes, Progress progress) throws IOException {
        Wording w = Wording.of(doc.language());
        StringBuilder b = new StringBuilder(1 << 20);
        b.append("<!DOCTYPE html>\n<html lang=\"").append(doc.language()).append("\">\n<head>\n<meta charset=\"utf-8\">\n")
                .append("<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; script-src")
                .append(" 'unsafe-inline'; style-src 'unsafe-inline'; img-src data:\">\n")
                .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
                .append("<meta name=\"generator\" content=\"TwinPrint\">\n<title>").append(escape(doc.title()))
                .append("</title>\n<style>").append(resource("explanation.css")).append("</style>\n</head>\n<body>\n")
                .append("<header><h1>").append(escape(doc.title())).append("</h1>\n<p class=\"tp-notice\">")
                .append(escape(doc.preparedBy() == null ? w.text("prepared.nobody", doc.date())
                        : w.text("prepared", doc.preparedBy(), doc.date())))
                .append(' ').append(escape(w.text("notice"))).append("</p></header>\n");
        for (ExplanationDocument.Section s : doc.sections()) {
            if (!s.shown()) {
                continue;
            }
            b.append("<section id=\"tp-").append(escape(s.key())).append("\">\n<h2>").append(escape(s.title()))
                    .append("</h2>\n<p>").append(escape(s.text())).append("</p>\n");
            if (s.key().equals("model") && !meshes.isEmpty()) {
                b.append("<div class=\"tp-model\"><canvas id=\"tp-view\" data-nowebgl=\"").append(escape(w.text(
                        "nowebgl"))).append("\"></canvas><div id=\"tp-parts\"><strong>").append(escape(w.text("parts")))
                        .append("</strong></div></div>\n");
            }
            for (ExplanationDocument.Bar bar : s.bars()) {
                b.append(bar(bar, doc.language()));
            }
            b.append("</section>\n");
        }
        if (!meshes.isEmpty()) {
            byte[] glb = GlbFormat.bytes(budgeted(meshes, progress), doc.title());
            b.append("<script id=\"tp-glb\" type=\"application/octet-stream\">\n")
                    .append(Base64.getMimeEncoder(120, new byte[] { '\n' }).encodeToString(glb)).append("\n</script>\n")
                    .append("<script>").append(resource("viewer.js")).append("</script>\n");
        }
        return b.append("</body>\n</html>\n").toString();
    }

    /** The meshes reduced together to the budget, each in proportion to its size. */
    static List<Mesh> budgeted(List<Mesh> meshes, Progress progress) {
        long total = meshes.stream().mapToLong(Mesh::triangleCount).sum();
        if (total <= TRIANGLE_BUDGET) {
            return meshes;
        }
        MeshReduction reduction = new MeshReduction();
        List<Mesh> out = new ArrayList<>();
        for (Mesh m : meshes) {
            long share = Math.max(100, TRIANGLE_BUDGET * m.triangleCount() / total);
            out.add(share >= m.triangleCount() ? m : reduction.apply(m, Parameters.of(reduction,
                    Map.of("target", Long.toString(share))), progress).withName(m.name()));
        }
        return out;
    }

    /** A range as a bar: the interval shaded, the value marked, the numbers written beside it. */
    private static String bar(ExplanationDocument.Bar bar, String language) {
        double span = Math.max(1e-9, bar.upper() - bar.lower());
        double from = Math.max(0, bar.lower() - 0.25 * span), to = bar.upper() + 0.25 * span;
        double scale = 100 / (to - from);
        return String.format(Locale.ROOT, "<div class=\"tp-bar\"><span class=\"tp-label\">%s</span><span"
                + " class=\"tp-track\"><span class=\"tp-range\" style=\"left:%.1f%%;width:%.1f%%\"></span><span"
                + " class=\"tp-value\" style=\"left:%.1f%%\"></span></span><span class=\"tp-numbers\">%s (%s&ndash;%s)"
                + " %s</span></div>\n", escape(bar.label()), (bar.lower() - from) * scale, span * scale,
                (bar.value() - from) * scale, ExplanationDraft.number(bar.value(), language),
                ExplanationDraft.number(bar.lower(), language), ExplanationDraft.number(bar.upper(), language),
                escape(bar.unit()));
    }

    private static String resource(String name) throws IOException {
        try (InputStream in = HtmlExplanation.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IOException("the explanation bundle lacks " + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    static String escape(String s) {
        StringBuilder b = new StringBuilder(s.length());
        for (char c : s.toCharArray()) {
            switch (c) {
            case '<' -> b.append("&lt;");
            case '>' -> b.append("&gt;");
            case '&' -> b.append("&amp;");
            case '"' -> b.append("&quot;");
            default -> b.append(c);
            }
        }
        return b.toString();
    }
}
