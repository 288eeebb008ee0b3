package org.twinprint.meshing.core;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

import org.osgi.service.component.annotations.Component;
import org.twinprint.core.model.Case;
import org.twinprint.core.model.Mesh;
import org.twinprint.core.spi.Exporter;
import org.twinprint.core.spi.ParameterSpec;
import org.twinprint.core.spi.Parameters;
import org.twinprint.core.spi.Progress;

/** The mesh exporters: every mesh of a case into one file, in patient LPS millimetres. */
public final class MeshExporters {

    private MeshExporters() {
    }

    static List<Mesh> meshesOf(Case source) throws IOException {
        List<Mesh> meshes = source.meshes();
        if (meshes.isEmpty()) {
            throw new IOException("case '" + source.name() + "' has no mesh to export");
        }
        return meshes;
    }

    /** Binary or ASCII STL. */
    @Component(service = Exporter.class)
    public static final class Stl implements Exporter {
        @Override
        public String id() {
            return "export.stl";
        }

        @Override
        public String label() {
            return "STL";
        }

        @Override
        public String fileExtension() {
            return "stl";
        }

        @Override
        public List<ParameterSpec> parameters() {
            return List.of(ParameterSpec.flag("ascii", "ASCII", false, "Write text STL instead of binary."));
        }

        @Override
        public void export(Case source, Path target, Parameters p, Progress progress) throws IOException {
            if (p.flag("ascii")) {
                StlFormat.writeAscii(target, meshesOf(source));
            } else {
                StlFormat.writeBinary(target, meshesOf(source));
            }
        }
    }

    /** Wavefront OBJ. */
    @Component(service = Exporter.class)
    public static final class Obj implements Exporter {
        @Override
        public String id() {
            return "export.obj";
        }

        @Override
        public String label() {
            return "OBJ";
        }

        @Override
        public String fileExtension() {
            return "obj";
        }

        @Override
        public void export(Case source, Path target, Parameters p, Progress progress) throws IOException {
            ObjFormat.write(target, meshesOf(source));
        }
    }

    /** Binary PLY with vertex colours. */
    @Component(service = Exporter.class)
    public static final class Ply implements Exporter {
        @Override
        public String id() {
            return "export.ply";
        }

        @Override
        public String label() {
            return "PLY";
        }

        @Override
        public String fileExtension() {
            return "ply";
        }

        @Override
        public void export(Case source, Path target, Parameters p, Progress progress) throws IOException {
            PlyFormat.write(target, meshesOf(source));
        }
    }

    /** 3MF, one coloured, named object per mesh. */
    @Component(service = Exporter.class)
    public static final class ThreeMf implements Exporter {
        @Override
        public String id() {
            return "export.3mf";
        }

        @Override
        public String label() {
            return "3MF";
        }

        @Override
        public String fileExtension() {
            return "3mf";
        }

        @Override
        public void export(Case source, Path target, Parameters p, Progress progress) throws IOException {
            ThreeMfFormat.write(target, meshesOf(source), source.name());
        }
    }

    /** Binary glTF: named, coloured meshes in LPS mm, with the root node turning them into glTF's frame. */
    @Component(service = Exporter.class)
    public static final class Glb implements Exporter {
        @Override
        public String id() {
            return "export.glb";
        }

        @Override
        public String label() {
            return "glTF binary (GLB)";
        }

        @Override
        public String fileExtension() {
            return "glb";
        }

        @Override
        public void export(Case source, Path target, Parameters p, Progress progress) throws IOException {
            GlbFormat.write(target, meshesOf(source), source.name());
        }
    }
}
