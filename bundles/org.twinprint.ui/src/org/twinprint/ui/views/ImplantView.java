package org.twinprint.ui.views;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.eclipse.core.runtime.jobs.Job;
import org.eclipse.swt.SWT;
import org.eclipse.swt.graphics.Image;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Canvas;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.TabFolder;
import org.eclipse.swt.widgets.TabItem;
import org.eclipse.swt.widgets.Text;
import org.eclipse.ui.part.ViewPart;
import org.twinprint.core.model.Case;
import org.twinprint.core.model.Mesh;
import org.twinprint.core.report.Json;
import org.twinprint.core.service.CaseOperations;
import org.twinprint.core.service.ServiceKind;
import org.twinprint.core.spi.ImplantDesigner;
import org.twinprint.core.spi.SegmentationTool;
import org.twinprint.core.spi.TwinPrintService;
import org.twinprint.implant.core.CranialImplant;
import org.twinprint.implant.core.CuttingGuide;
import org.twinprint.implant.core.FitMap;
import org.twinprint.implant.core.ImplantServices;
import org.twinprint.implant.core.PartFit;
import org.twinprint.implant.core.PostOpDeviation;
import org.twinprint.meshing.core.ModelPipeline;
import org.twinprint.ui.TwinPrintSession;
import org.twinprint.ui.jobs.CaseJob;

/**
 * Implant design, one tab per job: a cranial implant by mirroring, a part fitted on the bone, a
 * cutting guide, a post-op comparison. Each tab is the form of its catalog service (the same the
 * command line runs) and runs it as a Job; the report, and for a fit or comparison the map and its
 * histogram, show below. The 3D view colours the fitted part by its distance to the bone.
 */
public final class ImplantView extends ViewPart {

    public static final String ID = "org.twinprint.ui.views.implant";

    private final Map<String, ParameterForm> forms = new LinkedHashMap<>();
    private TabFolder tabs;
    private Text report;
    private Canvas histogram;
    private Image histogramImage;
    private volatile FitMap map;

    @Override
    public void createPartControl(Composite parent) {
        parent.setLayout(new GridLayout(2, false));
        tabs = new TabFolder(parent, SWT.TOP);
        tabs.setLayoutData(new GridData(SWT.FILL, SWT.FILL, false, true));
        tab(ImplantServices.CRANIAL, "Cranial", "Pick the defective skull's segment and design: the mid-sagittal plane"
                + " is found and shown as a plane markup (move it, then tick 'Keep my plane'); set thickness, flange, gap"
                + " and rounding and design again. The implant is meshed, repaired and checked for printing.",
                "Design implant");
        tab(ImplantServices.FIT, "Fit", "Name the part and the bone meshes, and optionally two point markups of"
                + " landmark pairs; then Fit: landmarks, then ICP. The part moves onto the bone, coloured by its gap"
                + " (red) or penetration (blue).", "Fit");
        tab(ImplantServices.MOVE, "Move", "Turn a part about its centre and shift it by hand (LPS degrees and mm),"
                + " after a fit or instead of one. If the Fit tab names a bone, the fit map follows the part.", "Move");
        tab(ImplantServices.GUIDE, "Guide", "Name the bone mesh; plane markups are the cuts, point markups the screw"
                + " holes and drill sleeves. The guide's slots, bores and clearance are measured on the guide made.",
                "Make guide");
        tab(ImplantServices.COMPARE, "Compare", "Name the planned part and the post-op model: the post-op model is"
                + " registered onto the plan, and the plan coloured by the deviation.", "Compare");
        Composite right = new Composite(parent, SWT.NONE);
        right.setLayoutData(new GridData(SWT.FILL, SWT.FILL, true, true));
        right.setLayout(new GridLayout(1, false));
        report = new Text(right, SWT.MULTI | SWT.READ_ONLY | SWT.V_SCROLL | SWT.WRAP | SWT.BORDER);
        GridData text = new GridData(SWT.FILL, SWT.FILL, true, true);
        text.heightHint = 120;
        report.setLayoutData(text);
        histogram = new Canvas(right, SWT.DOUBLE_BUFFERED);
        GridData chart = new GridData(SWT.FILL, SWT.FILL, true, true);
        chart.heightHint = 160;
        histogram.setLayoutData(chart);
        histogram.addListener(SWT.Paint, e -> {
            if (histogramImage != null) {
                e.gc.drawImage(histogramImage, 0, 0);
            }
        });
        histogram.addListener(SWT.Resize, e -> drawHistogram());
        new Label(right, SWT.WRAP).setText("Research tool, not a medical device. Sizes in mm, patient LPS.");
    }

    private void tab(String id, String title, String help, String action) {
        CaseOperations operations = TwinPrintSession.get().operations();
        TwinPrintService service = id.equals(ImplantServices.CRANIAL)
                ? operations.catalog().require(ServiceKind.SEGMENTATION_TOOL, SegmentationTool.class, id)
                : operations.catalog().require(ServiceKind.IMPLANT_DESIGNER, ImplantDesigner.class, id);
        TabItem item = new TabItem(tabs, SWT.NONE);
        item.setText(title);
        Composite page = new Composite(tabs, SWT.NONE);
        page.setLayout(new GridLayout(1, false));
        Label intro = new Label(page, SWT.WRAP);
        intro.setText(help);
        GridData wrap = new GridData(SWT.FILL, SWT.TOP, true, false);
        wrap.widthHint = 380;
        intro.setLayoutData(wrap);
        Composite formArea = new Composite(page, SWT.NONE);
        formArea.setLayoutData(new GridData(SWT.FILL, SWT.TOP, true, false));
        forms.put(id, new ParameterForm(formArea, service));
        Button run = new Button(page, SWT.PUSH);
        run.setText(action);
        run.addListener(SWT.Selection, e -> run(id));
        item.setControl(page);
    }

    /** Types a value into a tab's form, as a user would; for tests. */
    public void type(String id, String key, String value) {
        forms.get(id).type(key, value);
    }

    /** Shows the tab of a job. */
    public void show(String id) {
        tabs.setSelection(List.copyOf(forms.keySet()).indexOf(id));
    }

    /** Runs a tab's service on the open case as a Job (returned, for tests); null without a case. */
    public Job run(String id) {
        Case c = TwinPrintSession.get().currentCase();
        if (c == null) {
            report.setText("Open a case first.");
            return null;
        }
        Map<String, String> values = forms.get(id).values();
        String fitBone = forms.get(ImplantServices.FIT).values().get("bone");
        CaseOperations operations = TwinPrintSession.get().operations();
        CaseJob job = new CaseJob(title(id), progress -> {
            String shown;
            FitMap fit = null;
            if (id.equals(ImplantServices.CRANIAL)) {
                SegmentationTool tool = operations.catalog().require(ServiceKind.SEGMENTATION_TOOL,
                        SegmentationTool.class, id);
                String summary = operations.segment(c, tool, values, progress);
                String implant = values.get("implant");
                c.removeMeshes(implant);
                ModelPipeline.Result model = new ModelPipeline(operations).run(c, ModelPipeline.Options.ofSegment(
                        implant), progress);
                shown = summary + "\n" + String.join("\n", model.report().summary()) + "\n\n"
                        + Json.write(c.results().get(CranialImplant.RESULT_PREFIX + implant));
            } else {
                ImplantDesigner designer = operations.catalog().require(ServiceKind.IMPLANT_DESIGNER,
                        ImplantDesigner.class, id);
                Mesh part = operations.design(c, designer, values, progress);
                Object result;
                if (id.equals(ImplantServices.GUIDE)) {
                    result = c.results().get(CuttingGuide.RESULT_PREFIX + part.name());
                } else if (id.equals(ImplantServices.FIT)) {
                    result = c.results().get(PartFit.RESULT_PREFIX + part.name());
                    fit = FitMap.of(part, mesh(c, values.get("bone")), 0);
                    TwinPrintSession.get().setVertexColours(part.name(), fit.rgb());
                } else if (id.equals(ImplantServices.MOVE)) {
                    result = c.results().get(PartFit.RESULT_PREFIX + part.name() + " (by hand)");
                    boolean mapped = !fitBone.equals(part.name())
                            && c.meshes().stream().anyMatch(m -> m.name().equals(fitBone));
                    fit = mapped ? FitMap.of(part, mesh(c, fitBone), 0) : null;
                    TwinPrintSession.get().setVertexColours(part.name(), mapped ? fit.rgb() : null);
                } else {
                    Mesh planned = mesh(c, values.get("planned"));
                    result = c.results().get(PostOpDeviation.RESULT_PREFIX + planned.name());
                    fit = FitMap.of(planned, part, PostOpDeviation.TOLERANCE_MM);
                    TwinPrintSession.get().setVertexColours(planned.name(), fit.rgb());
                }
                shown = Json.write(result);
            }
            FitMap done = fit;
            report.getDisplay().asyncExec(() -> show(shown, done));
        });
        job.schedule();
        return job;
    }

    private String title(String id) {
        return switch (id) {
        case ImplantServices.CRANIAL -> "Designing the cranial implant";
        case ImplantServices.FIT -> "Fitting the part";
        case ImplantServices.MOVE -> "Moving the part";
        case ImplantServices.GUIDE -> "Making the cutting guide";
        default -> "Comparing with the plan";
        };
    }

    private static Mesh mesh(Case c, String name) {
        return c.meshes().stream().filter(m -> m.name().equals(name)).findFirst().orElseThrow();
    }

    private void show(String text, FitMap fit) {
        if (report.isDisposed()) {
            return;
        }
        report.setText(text);
        map = fit;
        drawHistogram();
    }

    /** The report shown; for tests. */
    public String reportText() {
        return report.getText();
    }

    private void drawHistogram() {
        if (histogram == null || histogram.isDisposed()) {
            return;
        }
        if (histogramImage != null) {
            histogramImage.dispose();
            histogramImage = null;
        }
        FitMap m = map;
        var size = histogram.getSize();
        if (m != null && size.x > 10 && size.y > 10) {
            histogramImage = new Image(histogram.getDisplay(), ChartImage.of(FitHistogram.of(m), size.x, size.y));
        }
        histogram.redraw();
    }

    @Override
    public void setFocus() {
        tabs.setFocus();
    }

    @Override
    public void dispose() {
        if (histogramImage != null) {
            histogramImage.dispose();
        }
        super.dispose();
    }
}
