package org.twinprint.ui.views;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;

import org.eclipse.jface.dialogs.InputDialog;
import org.eclipse.jface.dialogs.MessageDialog;
import org.eclipse.jface.window.Window;
import org.eclipse.swt.SWT;
import org.eclipse.swt.graphics.Image;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.layout.RowLayout;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Canvas;
import org.eclipse.swt.widgets.Combo;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Spinner;
import org.eclipse.swt.widgets.Table;
import org.eclipse.swt.widgets.TableColumn;
import org.eclipse.swt.widgets.TableItem;
import org.eclipse.swt.widgets.Text;
import org.eclipse.ui.part.ViewPart;
import org.twinprint.core.model.Case;
import org.twinprint.core.model.Segment;
import org.twinprint.core.service.ServiceKind;
import org.twinprint.core.spi.OutcomeModel;
import org.twinprint.prediction.core.BodySurfaceArea;
import org.twinprint.prediction.core.LiverFailureRisk;
import org.twinprint.prediction.core.LiverPlan;
import org.twinprint.prediction.core.ModelCard;
import org.twinprint.prediction.core.PatientData;
import org.twinprint.ui.TwinPrintSession;
import org.twinprint.ui.jobs.CaseJob;

/**
 * Liver resection variants side by side: the patient's height, weight and liver condition, the
 * variants (plane markups), and after Predict, each variant's remnant, risk and margins with
 * their intervals, as a table and a chart. The chosen variant is starred. The same service as
 * {@code releng/run predict}.
 */
public final class PredictionView extends ViewPart {

    public static final String ID = "org.twinprint.ui.views.prediction";

    private Spinner height, weight;
    private Combo bsa, condition, liver;
    private Text tumours;
    private Table variants, results;
    private Canvas chart;
    private Image chartImage;
    private final List<LiverPlan.Variant> plan = new ArrayList<>();
    private String chosen;
    private final Consumer<Case> listener = c -> {
        if (results != null && !results.isDisposed()) {
            results.getDisplay().asyncExec(this::refresh);
        }
    };

    @Override
    public void createPartControl(Composite parent) {
        parent.setLayout(new GridLayout(1, false));
        Composite patient = new Composite(parent, SWT.NONE);
        patient.setLayout(new GridLayout(8, false));
        height = spinner(patient, "Height (cm)", 172, 40, 250);
        weight = spinner(patient, "Weight (kg)", 80, 2, 400);
        bsa = combo(patient, "BSA", names(BodySurfaceArea.values()));
        condition = combo(patient, "Liver", names(LiverFailureRisk.Condition.values()));
        new Label(patient, SWT.NONE).setText("Liver segment");
        liver = new Combo(patient, SWT.READ_ONLY);
        new Label(patient, SWT.NONE).setText("Tumours");
        tumours = new Text(patient, SWT.BORDER);
        tumours.setLayoutData(new GridData(120, SWT.DEFAULT));
        tumours.setToolTipText("Tumour segments, separated by commas");
        variants = table(parent, 70, "Variant", "Planes", "Chosen");
        Composite buttons = new Composite(parent, SWT.NONE);
        buttons.setLayout(new RowLayout(SWT.HORIZONTAL));
        button(buttons, "Add variant...", this::addVariant);
        button(buttons, "Remove", this::removeVariant);
        button(buttons, "Mark chosen", this::markChosen);
        button(buttons, "Predict", () -> predict());
        results = table(parent, 90, "Variant", "Remnant (ml)", "Remnant (%)", "sFLR (%)", "Risk", "Margins (mm)");
        chart = new Canvas(parent, SWT.DOUBLE_BUFFERED);
        chart.setLayoutData(new GridData(SWT.FILL, SWT.FILL, true, true));
        chart.addListener(SWT.Paint, e -> {
            if (chartImage != null) {
                e.gc.drawImage(chartImage, 0, 0);
            }
        });
        chart.addListener(SWT.Resize, e -> drawChart());
        Label notice = new Label(parent, SWT.WRAP);
        notice.setText("Research tool, not a medical device: predictions are research estimates with their intervals"
                + " and sources, not clinically validated.");
        TwinPrintSession.get().addListener(listener);
        refresh();
    }

    private void refresh() {
        Case c = TwinPrintSession.get().currentCase();
        String was = liver.getText();
        liver.removeAll();
        if (c != null && c.labelMap() != null) {
            c.labelMap().segments().stream().map(Segment::name).forEach(liver::add);
        }
        int at = liver.indexOf(was.isEmpty() ? "Liver" : was);
        liver.select(Math.max(0, at));
        if (c != null && c.results().get(LiverPlan.KEY) instanceof Map<?, ?> m && plan.isEmpty()) {
            LiverPlan saved = LiverPlan.of(m);
            plan.addAll(saved.variants());
            chosen = saved.chosen();
            tumours.setText(String.join(",", saved.tumours()));
        }
        if (c != null && c.results().get(PatientData.KEY) instanceof Map<?, ?> m) {
            PatientData p = PatientData.of(m);
            height.setSelection((int) Math.round(p.heightCm()));
            weight.setSelection((int) Math.round(p.weightKg()));
            bsa.select(p.bsaFormula().ordinal());
            condition.select(p.liverCondition().ordinal());
        }
        variants.removeAll();
        for (LiverPlan.Variant v : plan) {
            new TableItem(variants, SWT.NONE).setText(new String[] { v.name(),
                    v.segment() != null ? "segment " + v.segment() : String.join(" + ", v.planes()),
                    v.name().equals(chosen) ? "\u2605" : "" });
        }
        results.removeAll();
        for (Map<?, ?> o : outcomes(c)) {
            Map<String, Object> values = predictions(o);
            List<String> margins = new ArrayList<>();
            values.forEach((q, p) -> {
                if (q.startsWith("margin of ")) {
                    margins.add(q.substring(10) + " " + fmt(value(p)[0]));
                }
            });
            new TableItem(results, SWT.NONE).setText(new String[] {
                    (Boolean.TRUE.equals(o.get("chosen")) ? "\u2605 " : "") + o.get("variant"),
                    interval(values.get("future liver remnant")),
                    interval(values.get("future liver remnant, share of the parenchyma")),
                    interval(values.get("standardised future liver remnant")), String.valueOf(o.get("riskCategory")),
                    String.join("; ", margins) });
        }
        drawChart();
    }

    private void drawChart() {
        if (chart == null || chart.isDisposed()) {
            return;
        }
        if (chartImage != null) {
            chartImage.dispose();
            chartImage = null;
        }
        List<Map<?, ?>> outcomes = outcomes(TwinPrintSession.get().currentCase());
        var size = chart.getSize();
        if (!outcomes.isEmpty() && size.x > 20 && size.y > 20) {
            LiverFailureRisk.Condition cond = LiverFailureRisk.Condition.values()[Math.max(0,
                    condition.getSelectionIndex())];
            chartImage = new Image(chart.getDisplay(), ChartImage.of(PredictionChart.of(outcomes, cond), size.x,
                    size.y));
        }
        chart.redraw();
    }

    private void addVariant() {
        InputDialog d = new InputDialog(getSite().getShell(), "Add variant",
                "NAME=PLANE[+PLANE] (plane markups of the case; in front of all of them is removed),"
                        + " or NAME=segment:SEGMENT", "Variant " + (plan.size() + 1) + "=", null);
        if (d.open() == Window.OK) {
            try {
                LiverPlan.Variant v = LiverPlan.Variant.parse(d.getValue());
                plan.removeIf(x -> x.name().equals(v.name()));
                plan.add(v);
                refresh();
            } catch (IllegalArgumentException e) {
                MessageDialog.openError(getSite().getShell(), "Add variant", e.getMessage());
            }
        }
    }

    private void removeVariant() {
        int at = variants.getSelectionIndex();
        if (at >= 0) {
            plan.remove(at);
            refresh();
        }
    }

    private void markChosen() {
        int at = variants.getSelectionIndex();
        if (at >= 0) {
            chosen = plan.get(at).name();
            refresh();
        }
    }

    /** The variants to compare (as Add variant makes them), and the one chosen (may be null). */
    public void setVariants(List<LiverPlan.Variant> list, String chosenName) {
        plan.clear();
        plan.addAll(list);
        chosen = chosenName;
        refresh();
    }

    /** Puts the form into the case and runs the prediction service as a job; null when there is nothing to run. */
    public CaseJob predict() {
        Case c = TwinPrintSession.get().currentCase();
        if (c == null || plan.isEmpty()) {
            MessageDialog.openInformation(getSite().getShell(), "Predict", "Open a case and add a variant first.");
            return null;
        }
        Map<String, Object> patient = new LinkedHashMap<>();
        patient.put("heightCm", height.getSelection());
        patient.put("weightKg", weight.getSelection());
        patient.put("bsaFormula", bsa.getText());
        patient.put("liverCondition", condition.getText());
        patient.put("specialty", PatientData.name(ModelCard.Specialty.LIVER_SURGERY));
        List<String> tumourNames = tumours.getText().isBlank() ? List.of()
                : List.of(tumours.getText().strip().split("\\s*,\\s*"));
        try {
            c.putResult(PatientData.KEY, PatientData.of(patient).toMap());
            c.putResult(LiverPlan.KEY, new LiverPlan(liver.getText(), tumourNames, plan, chosen).toMap());
        } catch (IllegalArgumentException e) {
            MessageDialog.openError(getSite().getShell(), "Predict", e.getMessage());
            return null;
        }
        TwinPrintSession session = TwinPrintSession.get();
        CaseJob job = new CaseJob("Predicting the plan variants", progress -> {
            OutcomeModel model = session.operations().catalog().require(ServiceKind.OUTCOME_MODEL, OutcomeModel.class,
                    "prediction.liver-resection");
            session.operations().predict(c, model, Map.of(), progress);
            session.markUnsaved();
            c.fireChanged();
        });
        job.schedule();
        return job;
    }

    /** Rows of the results table as shown: variant, remnant, share, sFLR, risk, margins. */
    public List<String[]> resultRows() {
        List<String[]> out = new ArrayList<>();
        for (TableItem item : results.getItems()) {
            String[] row = new String[results.getColumnCount()];
            for (int i = 0; i < row.length; i++) {
                row[i] = item.getText(i);
            }
            out.add(row);
        }
        return out;
    }

    /** Whether the chart is drawn. */
    public boolean hasChart() {
        return chartImage != null;
    }

    /** The case's outcomes, variant by variant, as the service left them (or as a case file brought them back). */
    static List<Map<?, ?>> outcomes(Case c) {
        List<Map<?, ?>> out = new ArrayList<>();
        if (c != null && c.results().get(LiverPlan.OUTCOMES) instanceof List<?> list) {
            list.forEach(o -> out.add((Map<?, ?>) o));
        }
        return out;
    }

    /** A variant's predictions by quantity. */
    static Map<String, Object> predictions(Map<?, ?> outcome) {
        Map<String, Object> out = new LinkedHashMap<>();
        for (Object p : (List<?>) outcome.get("predictions")) {
            if (p instanceof org.twinprint.core.spi.Prediction x) {
                out.put(x.quantity(), x);
            } else if (p instanceof Map<?, ?> m) {
                out.put(String.valueOf(m.get("quantity")), m);
            }
        }
        return out;
    }

    /** Value, lower, upper of a prediction, in memory or read back from a case file. */
    static double[] value(Object p) {
        if (p instanceof org.twinprint.core.spi.Prediction x) {
            return new double[] { x.value(), x.lower(), x.upper() };
        }
        Map<?, ?> m = (Map<?, ?>) p;
        return new double[] { ((Number) m.get("value")).doubleValue(), ((Number) m.get("lower")).doubleValue(),
                ((Number) m.get("upper")).doubleValue() };
    }

    private static String interval(Object p) {
        if (p == null) {
            return "";
        }
        double[] v = value(p);
        return fmt(v[0]) + " (" + fmt(v[1]) + "\u2013" + fmt(v[2]) + ")";
    }

    private static String fmt(double v) {
        return String.format(Locale.ROOT, "%.1f", v);
    }

    private static String[] names(Enum<?>[] values) {
        String[] out = new String[values.length];
        for (int i = 0; i < values.length; i++) {
            out[i] = PatientData.name(values[i]);
        }
        return out;
    }

    private static Spinner spinner(Composite parent, String label, int value, int min, int max) {
        new Label(parent, SWT.NONE).setText(label);
        Spinner s = new Spinner(parent, SWT.BORDER);
        s.setValues(value, min, max, 0, 1, 10);
        return s;
    }

    private static Combo combo(Composite parent, String label, String[] items) {
        new Label(parent, SWT.NONE).setText(label);
        Combo c = new Combo(parent, SWT.READ_ONLY);
        c.setItems(items);
        c.select(0);
        return c;
    }

    private static Table table(Composite parent, int height, String... titles) {
        Table t = new Table(parent, SWT.FULL_SELECTION | SWT.SINGLE | SWT.BORDER);
        t.setHeaderVisible(true);
        GridData data = new GridData(SWT.FILL, SWT.FILL, true, false);
        data.heightHint = height;
        t.setLayoutData(data);
        for (String title : titles) {
            TableColumn col = new TableColumn(t, SWT.LEFT);
            col.setText(title);
            col.setWidth(title.equals("Planes") || title.startsWith("Margins") ? 220
                    : title.equals("Variant") || title.equals("Risk") || title.equals("Chosen") ? 110 : 170);
        }
        return t;
    }

    private static void button(Composite parent, String text, Runnable action) {
        Button b = new Button(parent, SWT.PUSH);
        b.setText(text);
        b.addListener(SWT.Selection, e -> action.run());
    }

    @Override
    public void setFocus() {
        results.setFocus();
    }

    @Override
    public void dispose() {
        TwinPrintSession.get().removeListener(listener);
        if (chartImage != null) {
            chartImage.dispose();
        }
        super.dispose();
    }
}
