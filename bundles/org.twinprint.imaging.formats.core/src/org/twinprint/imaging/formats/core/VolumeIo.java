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

    /** The largest array the JVM makes. */
    static final long MAX_ARRAY = Integer.MAX_VALUE - 8;

    /** A whole file in memory, refused with its size when no array can hold it. */
    static byte[] readAll(Path file) throws IOException {
        long size = Files.size(file);
        if (size > MAX_ARRAY) {
            throw new IOException(file + ": " + size + " bytes; files over 2 GiB are not read yet (write the volume"
                    + " as gzip-compressed NRRD or NIfTI, or as DICOM)");
        }
        requireMemory(file, size);
        return Files.readAllBytes(file);
    }

    /** Refuses, naming the file and the sizes, work that needs more memory than the heap has free. */
    static void requireMemory(Path file, long bytes) throws IOException {
        Runtime rt = Runtime.getRuntime();
        long free = rt.maxMemory() - (rt.totalMemory() - rt.freeMemory());
        if (bytes > free) {
            throw new IOException(String.format(Locale.ROOT, "%s: needs %d MB of memory, %d MB of the %d MB heap are"
                    + " free; start with a larger heap (TWINPRINT_VMARGS=-Xmx...)", file, bytes >> 20, free >> 20,
                    rt.maxMemory() >> 20));
        }
    }

    /**
     * Inflates gzip data to exactly {@code expected} bytes, never more: a stream that holds fewer is
     * cut short, and what lies beyond is not read (a header cannot make it fill the memory).
     */
    static byte[] gunzip(Path file, byte[] data, int offset, long expected) throws IOException {
        if (expected > MAX_ARRAY) {
            throw new IOException(file + ": the image holds " + expected + " bytes, over the 2 GiB read in one go");
        }
        requireMemory(file, expected);
        byte[] out = new byte[(int) expected];
        try (InputStream in = new GZIPInputStream(new java.io.ByteArrayInputStream(data, offset, data.length - offset),
                1 << 16)) {
            int n = in.readNBytes(out, 0, out.length);
            if (n < out.length) {
                throw new IOException(file + ": compressed image data is cut short: " + n + " bytes, " + expected
                        + " expected");
            }
            return out;
        } catch (java.util.zip.ZipException | java.io.EOFException e) {
            throw new IOException(file + ": compressed data is damaged or cut short: " + e.getMessage());
        }
    }

    /** A whole gzip stream inflated, for headers read from a compressed file (NIfTI), bounded by the heap. */
    static byte[] readMaybeGzip(Path file) throws IOException {
        byte[] b = readAll(file);
        if (!(b.length > 2 && (b[0] & 0xff) == 0x1f && (b[1] & 0xff) == 0x8b)) {
            return b;
        }
        try (InputStream in = new GZIPInputStream(new java.io.ByteArrayInputStream(b))) {
            ByteArrayOutputStream out = new ByteArrayOutputStream(b.length * 4);
            byte[] buffer = new byte[1 << 16];
            for (int n; (n = in.read(buffer)) > 0;) {
                if (out.size() + (long) n > MAX_ARRAY) {
                    throw new IOException(file + ": inflates to more than 2 GiB, more than is read in one go");
                }
                requireMemory(file, 2L * (out.size() + n));
                out.write(buffer, 0, n);
            }
            return out.toByteArray();
        } catch (java.util.zip.ZipException | java.io.EOFException e) {
            throw new IOException(file + ": compressed data is damaged or cut short: " + e.getMessage());
        }
    }

    /**
     * A file a header names (a detached data file), resolved in the header's own folder: a name
     * that leads out of it (an absolute path, "..") is refused, so a header cannot read any file
     * on disk.
     */
    static Path besideHeader(Path header, String name) throws IOException {
        Path folder = header.toAbsolutePath().getParent().normalize();
        Path p;
        try {
            p = folder.resolve(name).normalize();
        } catch (java.nio.file.InvalidPathException e) {
            throw new IOException(header + ": data file '" + name + "' is not a valid file name");
        }
        if (Path.of(name).isAbsolute() || !p.startsWith(folder) || p.equals(folder)) {
            throw new IOException(header + ": data file '" + name + "' lies outside the header's folder; only files"
                    + " beside the header are read");
        }
        if (Files.isSymbolicLink(p) && !p.toRealPath().startsWith(folder.toRealPath())) {
            throw new IOException(header + ": data file '" + name + "' links outside the header's folder");
        }
        return p;
    }

    /** Refuses geometry that is not finite or not a volume, naming the file and the value. */
    static void checkGeometry(Path file, double[] ax, double[] ay, double[] az, double[] origin) throws IOException {
        double[][] axes = { ax, ay, az };
        for (int a = 0; a < 3; a++) {
            double len = Math.sqrt(axes[a][0] * axes[a][0] + axes[a][1] * axes[a][1] + axes[a][2] * axes[a][2]);
            if (!Double.isFinite(len) || len <= 1e-6 || len > 1e4) {
                throw new IOException(String.format(Locale.ROOT, "%s: voxel size along axis %d is %s mm; it must be"
                        + " finite, above 0 and below 10 m", file, a + 1, len));
            }
        }
        for (double o : origin) {
            if (!Double.isFinite(o) || Math.abs(o) > 1e6) {
                throw new IOException(file + ": origin " + java.util.Arrays.toString(origin)
                        + " is not a finite position within 1 km");
            }
        }
        double det = ax[0] * (ay[1] * az[2] - ay[2] * az[1]) - ax[1] * (ay[0] * az[2] - ay[2] * az[0])
                + ax[2] * (ay[0] * az[1] - ay[1] * az[0]);
        double volume = Math.sqrt(ax[0] * ax[0] + ax[1] * ax[1] + ax[2] * ax[2])
                * Math.sqrt(ay[0] * ay[0] + ay[1] * ay[1] + ay[2] * ay[2])
                * Math.sqrt(az[0] * az[0] + az[1] * az[1] + az[2] * az[2]);
        if (Math.abs(det) < 1e-3 * volume) {
            throw new IOException(file + ": its three axes lie (nearly) in one plane: no volume");
        }
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
