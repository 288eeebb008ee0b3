package org.twinprint.imaging.formats.core;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Locale;
import java.util.zip.DeflaterOutputStream;

import org.twinprint.core.model.Geometry;
import org.twinprint.core.model.Volume;
import org.twinprint.core.files.AtomicFiles;

/** Writes MetaImage (.mha, data inline, zlib-compressed) in LPS millimetres, orientation kept. */
public final class MetaImageWriter {

    private MetaImageWriter() {
    }

    public static void write(Path file, Volume volume) throws IOException {
        Geometry g = volume.geometry();
        short[] v = volume.voxels();
        ByteBuffer raw = ByteBuffer.allocate(2 * v.length).order(ByteOrder.LITTLE_ENDIAN);
        raw.asShortBuffer().put(v);
        ByteArrayOutputStream packed = new ByteArrayOutputStream(v.length);
        try (DeflaterOutputStream z = new DeflaterOutputStream(packed)) {
            z.write(raw.array());
        }
        double[] i = g.dirI().toArray(), j = g.dirJ().toArray(), k = g.dirK().toArray();
        String header = String.format(Locale.ROOT, """
                ObjectType = Image
                NDims = 3
                BinaryData = True
                BinaryDataByteOrderMSB = False
                CompressedData = True
                CompressedDataSize = %d
                TransformMatrix = %s %s %s %s %s %s %s %s %s
                Offset = %s %s %s
                CenterOfRotation = 0 0 0
                AnatomicalOrientation = RAI
                ElementSpacing = %s %s %s
                DimSize = %d %d %d
                ElementType = MET_SHORT
                ElementDataFile = LOCAL
                """, packed.size(), i[0], i[1], i[2], j[0], j[1], j[2], k[0], k[1], k[2], g.origin().x(),
                g.origin().y(), g.origin().z(), g.spacing().x(), g.spacing().y(), g.spacing().z(), g.nx(), g.ny(),
                g.nz());
        AtomicFiles.write(file, out -> {
            out.write(header.getBytes(StandardCharsets.US_ASCII));
            packed.writeTo(out);
        });
    }
}
