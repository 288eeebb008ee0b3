package org.twinprint.casefile.core.internal;

import java.io.IOException;
import java.nio.file.Path;

import org.osgi.service.component.annotations.Component;
import org.twinprint.core.files.AtomicFiles;
import org.twinprint.core.model.Case;
import org.twinprint.core.service.CaseStore;
import org.twinprint.core.spi.Progress;

/** The {@code .twinprint} case file as the case store of the workbench and the command line. */
@Component(service = CaseStore.class)
public final class CaseFileStore implements CaseStore {

    @Override
    public void save(Case c, Path file, Progress progress) throws IOException {
        Path folder = file.toAbsolutePath().getParent();
        if (folder != null) {
            AtomicFiles.removeStaleParts(folder); // what a killed save left there
        }
        AtomicFiles.write(file, out -> CaseWriter.write(c, "TwinPrint " + version(), out, progress));
    }

    @Override
    public Case open(Path file, Progress progress) throws IOException {
        return CaseReader.read(file, "TwinPrint " + version(), progress);
    }

    /** This bundle's version (the product's), or "(development)" outside OSGi. */
    static String version() {
        try {
            org.osgi.framework.Bundle bundle = org.osgi.framework.FrameworkUtil.getBundle(CaseFileStore.class);
            if (bundle != null) {
                org.osgi.framework.Version v = bundle.getVersion();
                return v.getMajor() + "." + v.getMinor() + "." + v.getMicro();
            }
        } catch (NoClassDefFoundError outsideOsgi) {
            // plain Java (a test's child process): no framework to ask
        }
        return "(development)";
    }
}
