package org.twinprint.imaging.formats.core;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

import org.osgi.service.component.annotations.Component;
import org.twinprint.core.model.Case;
import org.twinprint.core.model.LabelMap;
import org.twinprint.core.model.Volume;
import org.twinprint.core.spi.Exporter;
import org.twinprint.core.spi.FileImporter;
import org.twinprint.core.spi.ImportResult;
import org.twinprint.core.spi.Importer;
import org.twinprint.core.spi.ParameterSpec;
import org.twinprint.core.spi.Parameters;
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
            // a segment's value is its label, plus 256 per layer after the first; a voxel holds one
            short[] v = new short[map.labels().length];
            for (int layer = 0; layer < map.layerCount(); layer++) {
                byte[] labels = map.layer(layer);
                for (int n = 0; n < v.length; n++) {
                    if (labels[n] != 0) {
                        if (v[n] != 0) {
                            throw new IOException("segments overlap at voxel " + n + " and a label volume holds one"
                                    + " segment per voxel: export the segments as DICOM SEG, which keeps overlaps");
                        }
                        v[n] = (short) (layer << 8 | labels[n] & 0xff);
                    }
                }
            }
            return new Volume(map.geometry(), v, "label");
        }
        return c.series().get(0).volume();
    }

    static final List<ParameterSpec> EXPORT_PARAMETERS = List.of(ParameterSpec.choice("what", "What", "image",
            List.of("image", "labels"), "The image of the first series, or the segments as a label volume."));

    @Component(service = Importer.class)
    public static final class NiftiImporter extends FileImporter {
        public NiftiImporter() {
            super("import.nifti", "NIfTI-1 (.nii, .nii.gz)", ".nii", ".nii.gz");
        }

        @Override
        protected ImportResult read(Path file) throws IOException {
            return new ImportResult(List.of(NiftiFormat.read(file)), List.of());
        }
    }

    @Component(service = Importer.class)
    public static final class NrrdImporter extends FileImporter {
        public NrrdImporter() {
            super("import.nrrd", "NRRD (.nrrd, .nhdr)", ".nrrd", ".nhdr");
        }

        @Override
        protected ImportResult read(Path file) throws IOException {
            return new ImportResult(List.of(NrrdFormat.read(file)), List.of());
        }
    }

    /** Writes the chosen volume with one format's writer. */
    private abstract static class VolumeExporter implements Exporter {
        private final String id;
        private final String label;
        private final String extension;

        VolumeExporter(String id, String label, String extension) {
            this.id = id;
            this.label = label;
            this.extension = extension;
        }

        @Override
        public String id() {
            return id;
        }

        @Override
        public String label() {
            return label;
        }

        @Override
        public String fileExtension() {
            return extension;
        }

        @Override
        public List<ParameterSpec> parameters() {
            return EXPORT_PARAMETERS;
        }

        @Override
        public void export(Case c, Path target, Parameters p, Progress progress) throws IOException {
            write(target, chosen(c, p));
        }

        abstract void write(Path target, Volume volume) throws IOException;
    }

    @Component(service = Exporter.class)
    public static final class NiftiExporter extends VolumeExporter {
        public NiftiExporter() {
            super("export.nifti", "NIfTI-1", "nii.gz");
        }

        @Override
        void write(Path target, Volume volume) throws IOException {
            NiftiFormat.write(target, volume);
        }
    }

    @Component(service = Exporter.class)
    public static final class NrrdExporter extends VolumeExporter {
        public NrrdExporter() {
            super("export.nrrd", "NRRD", "nrrd");
        }

        @Override
        void write(Path target, Volume volume) throws IOException {
            NrrdFormat.write(target, volume);
        }
    }

    @Component(service = Exporter.class)
    public static final class MetaImageExporter extends VolumeExporter {
        public MetaImageExporter() {
            super("export.mha", "MetaImage", "mha");
        }

        @Override
        void write(Path target, Volume volume) throws IOException {
            MetaImageWriter.write(target, volume);
        }
    }
}
