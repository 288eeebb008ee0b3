package org.twinprint.ui.views;

import java.io.IOException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.eclipse.core.runtime.jobs.Job;
import org.eclipse.jface.viewers.IStructuredSelection;
import org.eclipse.jface.viewers.LabelProvider;
import org.eclipse.jface.viewers.TreeViewer;
import org.eclipse.swt.SWT;
import org.eclipse.swt.graphics.Image;
import org.eclipse.swt.graphics.ImageData;
import org.eclipse.swt.graphics.PaletteData;
import org.eclipse.swt.graphics.RGB;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.DirectoryDialog;
import org.eclipse.swt.widgets.Label;
import org.eclipse.ui.part.ViewPart;
import org.twinprint.core.files.PrivateTemp;
import org.twinprint.core.model.Case;
import org.twinprint.core.spi.ImportResult;
import org.twinprint.imaging.dicom.core.DicomIndex;
import org.twinprint.imaging.pacs.core.DimseClient;
import org.twinprint.imaging.pacs.core.PacsNode;
import org.twinprint.imaging.pacs.core.SeriesRecord;
import org.twinprint.imaging.pacs.core.StudyRecord;
import org.twinprint.ui.TwinPrintSession;
import org.twinprint.ui.jobs.CaseJob;

/**
 * Patients, studies and series of a scanned folder or of a PACS query, with a thumbnail of each
 * local series; double-click (or Open) loads a series as the case, as a Job. A PACS series is
 * fetched with C-GET first. Everything here is also on the command line: {@code releng/run
 * studies}, {@code pacs find}, {@code pacs get}, {@code info}.
 */
public final class StudyBrowserView extends ViewPart {

    public static final String ID = "org.twinprint.ui.views.studies";
    private static final int THUMBNAIL = 48;

    private TreeViewer viewer;
    private Label status;
    private List<StudyTree.Patient> patients = List.of();
    private final Map<String, Image> thumbnails = new HashMap<>();
    private PacsNode lastPacs = new PacsNode("127.0.0.1", 4242, "ORTHANC", "TWINPRINT");

    @Override
    public void createPartControl(Composite parent) {
        parent.setLayout(new GridLayout(3, false));
        Button scan = new Button(parent, SWT.PUSH);
        scan.setText("Scan Folder...");
        scan.addListener(SWT.Selection, e -> {
            DirectoryDialog dialog = new DirectoryDialog(parent.getShell());
            dialog.setText("Scan a folder for DICOM studies");
            String dir = dialog.open();
            if (dir != null) {
                scan(Path.of(dir));
            }
        });
        Button pacs = new Button(parent, SWT.PUSH);
        pacs.setText("Query PACS...");
        pacs.addListener(SWT.Selection, e -> {
            PacsQueryDialog dialog = new PacsQueryDialog(parent.getShell(), lastPacs);
            if (dialog.open() == PacsQueryDialog.OK) {
                lastPacs = dialog.node();
                queryPacs(dialog.node(), dialog.matching());
            }
        });
        Button open = new Button(parent, SWT.PUSH);
        open.setText("Open");
        open.addListener(SWT.Selection, e -> openSelected());
        status = new Label(parent, SWT.NONE);
        status.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false, 3, 1));
        status.setText("Scan a folder or query a PACS");
        viewer = new TreeViewer(parent, SWT.SINGLE | SWT.V_SCROLL | SWT.H_SCROLL);
        viewer.getControl().setLayoutData(new GridData(SWT.FILL, SWT.FILL, true, true, 3, 1));
        viewer.setContentProvider(new ListTreeContent(node -> ((StudyTree.Node) node).children()));
        viewer.setLabelProvider(new LabelProvider() {
            @Override
            public String getText(Object element) {
                return ((StudyTree.Node) element).label();
            }

            @Override
            public Image getImage(Object element) {
                return element instanceof StudyTree.Series s ? thumbnails.get(s.seriesUid()) : null;
            }
        });
        viewer.addDoubleClickListener(e -> openSelected());
        viewer.setInput(patients);
    }

    /** Scans a folder's headers, then makes thumbnails; returns the Job (for tests). */
    public Job scan(Path folder) {
        Job job = new CaseJob("Scan " + folder, progress -> {
            DicomIndex.Result index = DicomIndex.scan(folder, progress);
            List<StudyTree.Patient> tree = StudyTree.ofFolder(folder, index.series());
            show(tree, index.series().size() + " series in " + folder
                    + (index.problems().isEmpty() ? "" : ", " + index.problems().size() + " unreadable file(s)"));
            progress.begin("Thumbnails", index.series().size());
            for (DicomIndex.IndexedSeries s : index.series()) {
                progress.checkCanceled();
                try {
                    DicomIndex.Thumbnail t = DicomIndex.thumbnail(s, THUMBNAIL);
                    viewer.getControl().getDisplay().asyncExec(() -> addThumbnail(s.seriesUid(), t));
                } catch (Exception unreadable) {
                    // the series stays listed without a picture; loading it names the problem
                }
                progress.worked(1);
            }
        });
        job.schedule();
        return job;
    }

    /** Lists a PACS's studies and series (C-FIND); returns the Job (for tests). */
    public Job queryPacs(PacsNode node, Map<String, String> matching) {
        lastPacs = node; // the series listed are fetched from where they were found
        Job job = new CaseJob("Query " + node, progress -> {
            DimseClient client = new DimseClient(node);
            Map<StudyRecord, List<SeriesRecord>> found = new LinkedHashMap<>();
            for (StudyRecord s : client.findStudies(matching)) {
                found.put(s, client.findSeries(s.studyUid()));
            }
            show(StudyTree.ofPacs(found), found.size() + " studies at " + node);
        });
        job.schedule();
        return job;
    }

    /** Loads a series as the open case; returns the Job, or null if nothing is selected. */
    public Job open(StudyTree.Series series) {
        PacsNode node = lastPacs;
        Job job = new CaseJob("Open " + series.label(), progress -> {
            Path folder = series.folder();
            Case c = new Case(series.label());
            if (series.remote() != null) {
                // patient data: private while the case is open, deleted when it closes (or at the next start)
                Path retrieved = PrivateTemp.newFolder("pacs");
                c.onClose(() -> PrivateTemp.deleteTree(retrieved));
                folder = retrieved;
                try {
                    new DimseClient(node).get(series.remote().studyUid(), series.seriesUid(), folder, progress);
                } catch (IOException | RuntimeException e) {
                    c.close();
                    throw e;
                }
            }
            ImportResult result = TwinPrintSession.get().operations().importInto(c, folder,
                    Map.of("series", series.seriesUid()), progress);
            if (result.series().isEmpty()) {
                throw new java.io.IOException(folder + ": series " + series.seriesUid() + " could not be loaded");
            }
            TwinPrintSession.get().open(c);
        });
        job.schedule();
        return job;
    }

    private void openSelected() {
        Object selected = ((IStructuredSelection) viewer.getSelection()).getFirstElement();
        if (selected instanceof StudyTree.Series s) {
            open(s);
        }
    }

    private void show(List<StudyTree.Patient> tree, String message) {
        viewer.getControl().getDisplay().asyncExec(() -> {
            if (viewer.getControl().isDisposed()) {
                return;
            }
            patients = tree;
            viewer.setInput(tree);
            viewer.expandAll();
            status.setText(message);
        });
    }

    private void addThumbnail(String seriesUid, DicomIndex.Thumbnail t) {
        if (viewer.getControl().isDisposed()) {
            return;
        }
        RGB[] greys = new RGB[256];
        for (int g = 0; g < 256; g++) {
            greys[g] = new RGB(g, g, g);
        }
        ImageData data = new ImageData(THUMBNAIL, THUMBNAIL, 8, new PaletteData(greys));
        int dx = (THUMBNAIL - t.width()) / 2, dy = (THUMBNAIL - t.height()) / 2;
        for (int y = 0; y < t.height(); y++) {
            for (int x = 0; x < t.width(); x++) {
                data.setPixel(dx + x, dy + y, t.grey()[y * t.width() + x] & 0xff);
            }
        }
        Image old = thumbnails.put(seriesUid, new Image(viewer.getControl().getDisplay(), data));
        if (old != null) {
            old.dispose();
        }
        viewer.refresh();
    }

    /** Every series listed, for tests. */
    public List<StudyTree.Series> series() {
        return patients.stream().flatMap(p -> p.children().stream()).flatMap(s -> s.children().stream()).toList();
    }

    /** How many series show a thumbnail, for tests. */
    public int thumbnailCount() {
        return thumbnails.size();
    }

    @Override
    public void setFocus() {
        viewer.getControl().setFocus();
    }

    @Override
    public void dispose() {
        thumbnails.values().forEach(Image::dispose);
        super.dispose();
    }
}
