package org.twinprint.imaging.formats.core;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.zip.GZIPInputStream;

import org.twinprint.core.model.Geometry;
import org.twinprint.core.model.Vec3;

/** Small helpers the research formats share. */
final class VolumeIo {

    private VolumeIo() {
    }

    static boolean endsWith(Path p, String... endings) {
        String n = p.getFileName().toString().toLowerCase(Locale.ROOT);
        for (String e : endings) {
            if (n.endsWith(e)) {
                return true;
            }
        }
        return false;
    }

    static byte[] gunzip(byte[] data) throws IOException {
        try (InputStream in = new GZIPInputStream(new java.io.ByteArrayInputStream(data))) {
            ByteArrayOutputStream out = new ByteArrayOutputStream(data.length * 4);
            in.transferTo(out);
            return out.toByteArray();
        } catch (java.util.zip.ZipException | java.io.EOFException e) {
            throw new IOException("compressed data is damaged or cut short: " + e.getMessage());
        }
    }

    static byte[] readMaybeGzip(Path file) throws IOException {
        byte[] b = Files.readAllBytes(file);
        return b.length > 2 && (b[0] & 0xff) == 0x1f && (b[1] & 0xff) == 0x8b ? gunzip(b) : b;
    }

    /** A geometry from three axis vectors whose lengths are the spacings (in LPS mm). */
    static Geometry fromAxes(int nx, int ny, int nz, double[] ax, double[] ay, double[] az, double[] origin) {
        Vec3 i = new Vec3(ax[0], ax[1], ax[2]), j = new Vec3(ay[0], ay[1], ay[2]), k = new Vec3(az[0], az[1], az[2]);
        return new Geometry(nx, ny, nz, new Vec3(i.length(), j.length(), k.length()),
                new Vec3(origin[0], origin[1], origin[2]), i, j, k);
    }

    static short clampToShort(double v) {
        long r = Math.round(v);
        return (short) Math.max(Short.MIN_VALUE, Math.min(Short.MAX_VALUE, r));
    }
}
