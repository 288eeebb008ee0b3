package org.twinprint.ui.views;

import java.util.LinkedHashMap;
import java.util.Map;

import org.eclipse.jface.dialogs.Dialog;
import org.eclipse.jface.dialogs.MessageDialog;
import org.eclipse.swt.SWT;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.swt.widgets.Text;
import org.twinprint.imaging.pacs.core.PacsNode;

/** Where the PACS is and what to look for: host, port, AE titles, patient ID and study date. */
final class PacsQueryDialog extends Dialog {

    private final PacsNode initial;
    private Text host;
    private Text port;
    private Text calledAet;
    private Text callingAet;
    private Text patientId;
    private Text studyDate;
    private PacsNode node;
    private final Map<String, String> matching = new LinkedHashMap<>();

    PacsQueryDialog(Shell shell, PacsNode initial) {
        super(shell);
        this.initial = initial;
    }

    @Override
    protected void configureShell(Shell shell) {
        super.configureShell(shell);
        shell.setText("Query PACS (C-FIND)");
    }

    @Override
    protected Control createDialogArea(Composite parent) {
        Composite area = (Composite) super.createDialogArea(parent);
        area.setLayout(new GridLayout(2, false));
        host = field(area, "Host", initial.host());
        port = field(area, "Port", Integer.toString(initial.port()));
        calledAet = field(area, "PACS AE title", initial.calledAet());
        callingAet = field(area, "Our AE title", initial.callingAet());
        patientId = field(area, "Patient ID (* and ? match)", "*");
        studyDate = field(area, "Study date (YYYYMMDD or range)", "");
        return area;
    }

    private static Text field(Composite parent, String label, String value) {
        new Label(parent, SWT.NONE).setText(label);
        Text t = new Text(parent, SWT.BORDER);
        t.setText(value);
        t.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false));
        return t;
    }

    @Override
    protected void okPressed() {
        try {
            node = new PacsNode(host.getText().strip(), Integer.parseInt(port.getText().strip()),
                    calledAet.getText().strip(), callingAet.getText().strip());
        } catch (IllegalArgumentException e) {
            MessageDialog.openError(getShell(), "Query PACS", e.getMessage());
            return;
        }
        matching.put("PatientID", patientId.getText().strip());
        if (!studyDate.getText().isBlank()) {
            matching.put("StudyDate", studyDate.getText().strip());
        }
        super.okPressed();
    }

    PacsNode node() {
        return node;
    }

    Map<String, String> matching() {
        return matching;
    }
}
