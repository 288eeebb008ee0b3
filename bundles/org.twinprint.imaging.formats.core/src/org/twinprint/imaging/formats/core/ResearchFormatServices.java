package org.twinprint.imaging.formats.core;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.osgi.service.component.annotations.Component;
import org.twinprint.core.model.Case;
import org.twinprint.core.model.LabelMap;
import org.twinprint.core.model.Volume;
import org.twinprint.core.spi.Exporter;
import org.twinprint.core.spi.ImportResult;
import org.twinprint.core.spi.Importer;
import org.twinprint.core.spi.ParameterSpec;
import org.twinprint.core.spi.Parameters;
import org.twinprint.core.spi.Problem;
import org.twinprint.core.spi.Progress;

/** Importers and exporters of the research volume formats, as catalog services. */
public final class ResearchFormatServices {

    private ResearchFormatServices() {
    }

    /** The image of the first series, or the label map, as a volume to write. */
    static Volume chosen(Case c, Parameters p) throws IOException {
        if (c.series().isEmpty()) {
            throw new IOException("case '" + c.name() + "' has no image to export");
        }
        if (p.string("what").equals("labels")) {
            LabelMap map = c.labelMap();
            if (map == null) {
                throw new IOException("case '" + c.name() + "' has no segments to export");
            }
            short[] v = new short[map.labels().length];
            for (int n = 0; n < v.length; n++) {
                v[n] = (short) map.labelAt(n);
            }
            return new Volume(map.geometry(), v, "label");
        }
        return c.series().get(0).volume();
    }

    static final List<ParameterSpec> EXPORT_PARAMETERS = List.of(ParameterSpec.choice("what", "What", "image",
            List.of("image", "labels"), "The image of the first series, or the segments as a label volume."));

    @Component(service = Importer.class)
    public static final class NiftiImporter implements Importer {
        @Override
        public String id() {
            return "import.nifti";
        }

        @Override
        public String label() {
            return "NIfTI-1 (.nii, .nii.gz)";
        }

        @Override
        public boolean canImport(Path path) {
            return Files.isRegularFile(path) && VolumeIo.endsWith(path, ".nii", ".nii.gz");
        }

        @Override
        public ImportResult importFrom(Path path, Parameters p, Progress progress) {
            try {
                return new ImportResult(List.of(NiftiFormat.read(path)), List.of());
            } catch (IOException | RuntimeException e) {
                return new ImportResult(List.of(), List.of(new Problem(path, String.valueOf(e.getMessage()))));
            }
        }
    }

    @Component(service = Importer.class)
    public static final class NrrdImporter implements Importer {
        @Override
        public String id() {
            return "import.nrrd";
        }

        @Override
        public String label() {
            return "NRRD (.nrrd, .nhdr)";
        }

        @Override
        public boolean canImport(Path path) {
            return Files.isRegularFile(path) && VolumeIo.endsWith(path, ".nrrd", ".nhdr");
        }

        @Override
        public ImportResult importFrom(Path path, Parameters p, Progress progress) {
            try {
                return new ImportResult(List.of(NrrdFormat.read(path)), List.of());
            } catch (IOException | RuntimeException e) {
                return new ImportResult(List.of(), List.of(new Problem(path, String.valueOf(e.getMessage()))));
            }
        }
    }

    @Component(service = Exporter.class)
    public static final class NiftiExporter implements Exporter {
        @Override
        public String id() {
            return "export.nifti";
        }

        @Override
        public String label() {
            return "NIfTI-1";
        }

        @Override
        public String fileExtension() {
            return "nii.gz";
        }

        @Override
        public List<ParameterSpec> parameters() {
            return EXPORT_PARAMETERS;
        }

        @Override
        public void export(Case c, Path target, Parameters p, Progress progress) throws IOException {
            NiftiFormat.write(target, chosen(c, p));
        }
    }

    @Component(service = Exporter.class)
    public static final class NrrdExporter implements Exporter {
        @Override
        public String id() {
            return "export.nrrd";
        }

        @Override
        public String label() {
            return "NRRD";
        }

        @Override
        public String fileExtension() {
            return "nrrd";
        }

        @Override
        public List<ParameterSpec> parameters() {
            return EXPORT_PARAMETERS;
        }

        @Override
        public void export(Case c, Path target, Parameters p, Progress progress) throws IOException {
            NrrdFormat.write(target, chosen(c, p));
        }
    }

    @Component(service = Exporter.class)
    public static final class MetaImageExporter implements Exporter {
        @Override
        public String id() {
            return "export.mha";
        }

        @Override
        public String label() {
            return "MetaImage";
        }

        @Override
        public String fileExtension() {
            return "mha";
        }

        @Override
        public List<ParameterSpec> parameters() {
            return EXPORT_PARAMETERS;
        }

        @Override
        public void export(Case c, Path target, Parameters p, Progress progress) throws IOException {
            MetaImageWriter.write(target, chosen(c, p));
        }
    }
}
