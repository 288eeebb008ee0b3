package org.twinprint.ui.views;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.eclipse.core.runtime.jobs.Job;
import org.eclipse.swt.SWT;
import org.eclipse.swt.custom.SashForm;
import org.eclipse.swt.graphics.Image;
import org.eclipse.swt.graphics.ImageData;
import org.eclipse.swt.graphics.PaletteData;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.layout.RowLayout;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Combo;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.FileDialog;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Table;
import org.eclipse.swt.widgets.TableItem;
import org.eclipse.swt.widgets.Text;
import org.eclipse.ui.part.ViewPart;
import org.twinprint.core.model.Case;
import org.twinprint.explain.core.ExplanationDocument;
import org.twinprint.explain.core.ExplanationDraft;
import org.twinprint.explain.core.ExplanationStore;
import org.twinprint.explain.core.HtmlExplanation;
import org.twinprint.explain.core.MeshSnapshot;
import org.twinprint.explain.core.PdfExplanation;
import org.twinprint.explain.core.Readability;
import org.twinprint.explain.core.Wording;
import org.twinprint.ui.TwinPrintSession;
import org.twinprint.ui.jobs.CaseJob;

/**
 * The explanation composer: the sections written from the case, each to edit, hide, move or add
 * to, in English or German, with a live preview (the text and the model from the front); kept in
 * the case and exported as the same HTML page or PDF as {@code releng/run explain}.
 */
public final class ExplanationView extends ViewPart {

    public static final String ID = "org.twinprint.ui.views.explanation";

    private Combo language;
    private Text preparedBy, title, text, preview;
    private Table sections;
    private Label picture, grade;
    private Image pictureImage;
    private final List<ExplanationDocument.Section> composed = new ArrayList<>();
    private ExplanationDocument doc;
    private boolean showing;

    @Override
    public void createPartControl(Composite parent) {
        parent.setLayout(new GridLayout(1, false));
        Composite top = new Composite(parent, SWT.NONE);
        top.setLayout(new RowLayout(SWT.HORIZONTAL));
        new Label(top, SWT.NONE).setText("Language");
        language = new Combo(top, SWT.READ_ONLY);
        Wording.LANGUAGES.forEach(language::add);
        language.select(0);
        language.addListener(SWT.Selection, e -> load());
        new Label(top, SWT.NONE).setText("Prepared by");
        preparedBy = new Text(top, SWT.BORDER);
        preparedBy.setMessage("the clinician's name");
        preparedBy.addListener(SWT.Modify, e -> refreshPreview());
        button(top, "Draft from case", this::draft);
        button(top, "Save in case", this::save);
        button(top, "Export HTML...", () -> exportAsked(".html"));
        button(top, "Export PDF...", () -> exportAsked(".pdf"));
        SashForm sash = new SashForm(parent, SWT.HORIZONTAL);
        sash.setLayoutData(new GridData(SWT.FILL, SWT.FILL, true, true));
        Composite left = new Composite(sash, SWT.NONE);
        left.setLayout(new GridLayout(1, false));
        sections = new Table(left, SWT.CHECK | SWT.BORDER | SWT.SINGLE | SWT.FULL_SELECTION);
        sections.setLayoutData(new GridData(SWT.FILL, SWT.FILL, true, true));
        sections.addListener(SWT.Selection, e -> {
            if (e.detail == SWT.CHECK) {
                int i = sections.indexOf((TableItem) e.item);
                ExplanationDocument.Section s = composed.get(i);
                composed.set(i, new ExplanationDocument.Section(s.key(), s.title(), s.text(), s.bars(),
                        ((TableItem) e.item).getChecked()));
                refreshPreview();
            } else {
                showSelected();
            }
        });
        Composite moves = new Composite(left, SWT.NONE);
        moves.setLayout(new RowLayout(SWT.HORIZONTAL));
        button(moves, "Up", () -> move(-1));
        button(moves, "Down", () -> move(1));
        button(moves, "Add", this::add);
        button(moves, "Remove", this::remove);
        Composite middle = new Composite(sash, SWT.NONE);
        middle.setLayout(new GridLayout(1, false));
        title = new Text(middle, SWT.BORDER);
        title.setLayoutData(new GridData(SWT.FILL, SWT.TOP, true, false));
        title.addListener(SWT.Modify, e -> edited());
        text = new Text(middle, SWT.BORDER | SWT.MULTI | SWT.WRAP | SWT.V_SCROLL);
        text.setLayoutData(new GridData(SWT.FILL, SWT.FILL, true, true));
        text.addListener(SWT.Modify, e -> edited());
        grade = new Label(middle, SWT.WRAP);
        grade.setLayoutData(new GridData(SWT.FILL, SWT.TOP, true, false));
        Composite right = new Composite(sash, SWT.NONE);
        right.setLayout(new GridLayout(1, false));
        picture = new Label(right, SWT.NONE);
        preview = new Text(right, SWT.MULTI | SWT.WRAP | SWT.V_SCROLL | SWT.READ_ONLY | SWT.BORDER);
        preview.setLayoutData(new GridData(SWT.FILL, SWT.FILL, true, true));
        sash.setWeights(22, 38, 40);
        new Label(parent, SWT.WRAP).setText("Research tool, not a medical device. Exports name no patient.");
        load();
    }

    private static void button(Composite parent, String label, Runnable action) {
        Button b = new Button(parent, SWT.PUSH);
        b.setText(label);
        b.addListener(SWT.Selection, e -> action.run());
    }

    /** The case's composition in the chosen language, or a draft written from the case. */
    public void load() {
        Case c = TwinPrintSession.get().currentCase();
        if (c == null) {
            return;
        }
        String lang = language.getText();
        doc = ExplanationStore.of(c, lang).orElseGet(() -> ExplanationDraft.of(c, lang, preparedBy.getText()));
        fill();
    }

    /** A fresh draft from the case, replacing what was composed. */
    public void draft() {
        Case c = TwinPrintSession.get().currentCase();
        if (c != null) {
            doc = ExplanationDraft.of(c, language.getText(), preparedBy.getText());
            fill();
        }
    }

    private void fill() {
        composed.clear();
        composed.addAll(doc.sections());
        if (doc.preparedBy() != null && preparedBy.getText().isBlank()) {
            preparedBy.setText(doc.preparedBy());
        }
        listSections(0);
        drawPicture();
    }

    private void listSections(int select) {
        sections.removeAll();
        for (ExplanationDocument.Section s : composed) {
            TableItem item = new TableItem(sections, SWT.NONE);
            item.setText(s.title());
            item.setChecked(s.shown());
        }
        if (!composed.isEmpty()) {
            sections.select(Math.max(0, Math.min(select, composed.size() - 1)));
        }
        showSelected();
        refreshPreview();
    }

    private void showSelected() {
        int i = sections.getSelectionIndex();
        boolean any = i >= 0;
        showing = true; // the fields change to show a section: not an edit of it
        try {
            title.setText(any ? composed.get(i).title() : "");
            text.setText(any ? composed.get(i).text() : "");
        } finally {
            showing = false;
        }
        showGrade();
    }

    /** The selected English text's Flesch-Kincaid grade, with a warning above grade 8. */
    private void showGrade() {
        if (!"en".equals(language.getText()) || text.getText().isBlank()) {
            grade.setText("en".equals(language.getText()) ? "" : "The reading grade is measured for English text.");
            return;
        }
        double g = Readability.grade(text.getText());
        grade.setText(String.format(java.util.Locale.ROOT, g > Readability.MOST
                ? "Reading grade %.1f: above 8, hard for many patients. Use shorter sentences and shorter words."
                : "Reading grade %.1f (patient material aims at 6 to 8).", g));
        grade.setForeground(grade.getDisplay().getSystemColor(g > Readability.MOST ? SWT.COLOR_RED
                : SWT.COLOR_WIDGET_FOREGROUND));
    }

    /** The grade line shown; for tests. */
    public String gradeText() {
        return grade.getText();
    }

    private void edited() {
        int i = sections.getSelectionIndex();
        if (showing || i < 0 || composed.isEmpty()) {
            return;
        }
        ExplanationDocument.Section s = composed.get(i);
        if (s.title().equals(title.getText()) && s.text().equals(text.getText())) {
            return;
        }
        composed.set(i, new ExplanationDocument.Section(s.key(), title.getText(), text.getText(), s.bars(), s.shown()));
        sections.getItem(i).setText(title.getText());
        showGrade();
        refreshPreview();
    }

    private void move(int by) {
        int i = sections.getSelectionIndex(), j = i + by;
        if (i < 0 || j < 0 || j >= composed.size()) {
            return;
        }
        composed.add(j, composed.remove(i));
        listSections(j);
    }

    private void add() {
        composed.add(new ExplanationDocument.Section("own-" + System.nanoTime(), "Your notes", "", List.of(), true));
        listSections(composed.size() - 1);
        text.setFocus();
    }

    private void remove() {
        int i = sections.getSelectionIndex();
        if (i >= 0) {
            composed.remove(i);
            listSections(i);
        }
    }

    /** The explanation as composed now. */
    public ExplanationDocument composed() {
        return doc == null ? null : doc.withSections(composed).withPreparedBy(preparedBy.getText());
    }

    /** Keeps the composition in the case (saved with it). */
    public void save() {
        Case c = TwinPrintSession.get().currentCase();
        if (c != null && doc != null) {
            ExplanationStore.save(c, composed());
        }
    }

    private void refreshPreview() {
        ExplanationDocument d = composed();
        if (d == null || preview.isDisposed()) {
            return;
        }
        Wording w = Wording.of(d.language());
        StringBuilder b = new StringBuilder(d.title()).append("\n").append(d.preparedBy() == null
                ? w.text("prepared.nobody", d.date()) : w.text("prepared", d.preparedBy(), d.date())).append(' ')
                .append(w.text("notice")).append("\n\n");
        for (ExplanationDocument.Section s : d.sections()) {
            if (s.shown()) {
                b.append(s.title().toUpperCase(java.util.Locale.ROOT)).append("\n").append(s.text()).append("\n\n");
            }
        }
        preview.setText(b.toString());
    }

    /** The model from the front, as the PDF shows it. */
    private void drawPicture() {
        Case c = TwinPrintSession.get().currentCase();
        if (pictureImage != null) {
            pictureImage.dispose();
            pictureImage = null;
        }
        if (c != null && !c.meshes().isEmpty()) {
            java.awt.image.BufferedImage image = MeshSnapshot.front(c.meshes(), 300, 200);
            ImageData data = new ImageData(300, 200, 24, new PaletteData(0xFF0000, 0x00FF00, 0x0000FF));
            int[] row = new int[300];
            for (int y = 0; y < 200; y++) {
                image.getRGB(0, y, 300, 1, row, 0, 300);
                data.setPixels(0, y, 300, row, 0);
            }
            pictureImage = new Image(picture.getDisplay(), data);
        }
        picture.setImage(pictureImage);
        picture.getParent().layout(true);
    }

    private void exportAsked(String ending) {
        FileDialog dialog = new FileDialog(picture.getShell(), SWT.SAVE);
        dialog.setFilterExtensions(new String[] { "*" + ending });
        dialog.setFileName("explanation-" + language.getText() + ending);
        dialog.setOverwrite(true);
        String chosen = dialog.open();
        if (chosen != null) {
            exportTo(Path.of(chosen));
        }
    }

    /** Writes the composed explanation as HTML or PDF (by the name's ending) in a Job; returned for tests. */
    public Job exportTo(Path file) {
        Case c = TwinPrintSession.get().currentCase();
        ExplanationDocument d = composed();
        if (c == null || d == null) {
            return null;
        }
        var meshes = ExplanationDraft.layMeshes(c, d.language());
        CaseJob job = new CaseJob("Exporting the explanation", progress -> {
            if (file.getFileName().toString().toLowerCase(java.util.Locale.ROOT).endsWith(".pdf")) {
                PdfExplanation.write(file, d, meshes);
            } else {
                HtmlExplanation.write(file, d, meshes, progress);
            }
        });
        job.schedule();
        return job;
    }

    /** For tests: choose a language, type into the selected section, select a section. */
    public void choose(String lang) {
        language.select(Wording.LANGUAGES.indexOf(lang));
        load();
    }

    public void select(int index) {
        sections.select(index);
        showSelected();
    }

    public void typeText(String value) {
        text.setText(value);
    }

    public String previewText() {
        return preview.getText();
    }

    @Override
    public void setFocus() {
        sections.setFocus();
    }

    @Override
    public void dispose() {
        if (pictureImage != null) {
            pictureImage.dispose();
        }
        super.dispose();
    }
}
