package org.twinprint.ui.views;

import java.util.List;
import java.util.Map;

import org.eclipse.core.runtime.jobs.Job;
import org.eclipse.swt.SWT;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Combo;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Label;
import org.eclipse.ui.part.ViewPart;
import org.twinprint.core.model.Case;
import org.twinprint.core.service.CaseOperations;
import org.twinprint.core.service.PluginProblem;
import org.twinprint.core.service.ServiceEntry;
import org.twinprint.core.service.ServiceKind;
import org.twinprint.core.spi.SegmentationTool;
import org.twinprint.ui.TwinPrintSession;
import org.twinprint.ui.jobs.CaseJob;

/**
 * Every segmentation tool of every installed plugin, with a form built from its parameters and a
 * Run button that runs it on the open case as a Job.
 */
public final class ToolsView extends ViewPart {

    public static final String ID = "org.twinprint.ui.views.tools";

    private Combo tools;
    private Label about;
    private Composite formArea;
    private ParameterForm form;
    private List<ServiceEntry> entries = List.of();

    @Override
    public void createPartControl(Composite parent) {
        parent.setLayout(new GridLayout(1, false));
        tools = new Combo(parent, SWT.READ_ONLY);
        tools.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false));
        about = new Label(parent, SWT.WRAP);
        about.setLayoutData(new GridData(SWT.FILL, SWT.TOP, true, false));
        formArea = new Composite(parent, SWT.NONE);
        formArea.setLayoutData(new GridData(SWT.FILL, SWT.TOP, true, false));
        Button run = new Button(parent, SWT.PUSH);
        run.setText("Run on open case");
        run.addListener(SWT.Selection, e -> runSelected());
        tools.addListener(SWT.Selection, e -> showForm());
        entries = TwinPrintSession.get().operations().catalog().entries().stream()
                .filter(e -> e.kind() == ServiceKind.SEGMENTATION_TOOL).toList();
        for (ServiceEntry e : entries) {
            tools.add(e.service().label() + "  [" + e.pluginId() + "]");
        }
        if (!entries.isEmpty()) {
            tools.select(0);
            showForm();
        }
        List<PluginProblem> problems = TwinPrintSession.get().operations().catalog().problems();
        if (!problems.isEmpty()) {
            Label warning = new Label(parent, SWT.WRAP);
            warning.setLayoutData(new GridData(SWT.FILL, SWT.TOP, true, false));
            warning.setForeground(parent.getDisplay().getSystemColor(SWT.COLOR_DARK_RED));
            warning.setText(problems.size() + " plugin problem(s), see the Error Log:\n"
                    + String.join("\n", problems.stream().map(PluginProblem::toString).toList()));
        }
    }

    private void showForm() {
        for (Control c : formArea.getChildren()) {
            c.dispose();
        }
        ServiceEntry e = entries.get(tools.getSelectionIndex());
        about.setText(e.service().description());
        form = new ParameterForm(formArea, e.service());
        formArea.getParent().layout(true, true);
    }

    /** Runs the selected tool on the open case and returns its job; for the button and tests. */
    public Job runSelected() {
        Case c = TwinPrintSession.get().currentCase();
        if (c == null || tools.getSelectionIndex() < 0) {
            about.setText("Open a case first (File > Open Demo Case).");
            return null;
        }
        SegmentationTool tool = (SegmentationTool) entries.get(tools.getSelectionIndex()).service();
        Map<String, String> values = form.values();
        CaseOperations operations = TwinPrintSession.get().operations();
        CaseJob job = new CaseJob(tool.label(), progress -> operations.segment(c, tool, values, progress));
        job.schedule();
        return job;
    }

    /** Selects a tool by its service id; for tests. */
    public boolean select(String id) {
        for (int n = 0; n < entries.size(); n++) {
            if (entries.get(n).service().id().equals(id)) {
                tools.select(n);
                showForm();
                return true;
            }
        }
        return false;
    }

    /** Types a value into the selected tool's form; for tests. */
    public void type(String key, String value) {
        form.type(key, value);
    }

    /** What the selected tool's form shows for a parameter; for tests. */
    public String shown(String key) {
        return form.shown(key);
    }

    public List<String> toolIds() {
        return entries.stream().map(e -> e.service().id()).toList();
    }

    @Override
    public void setFocus() {
        tools.setFocus();
    }
}
