package org.twinprint.imaging.formats.core;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.zip.GZIPOutputStream;

import org.twinprint.core.model.Geometry;
import org.twinprint.core.model.Series;
import org.twinprint.core.model.Volume;
import org.twinprint.core.files.AtomicFiles;

/**
 * NRRD (.nrrd with the data attached, .nhdr with separate data files, raw or gzip). Space
 * directions and origin are read in the file's space and turned into LPS; TwinPrint writes
 * "space: left-posterior-superior" so nothing is lost.
 */
public final class NrrdFormat {

    private NrrdFormat() {
    }

    public static Series read(Path file) throws IOException {
        byte[] all = VolumeIo.readAll(file);
        if (all.length < 4 || !new String(all, 0, 4, StandardCharsets.US_ASCII).equals("NRRD")) {
            throw new IOException("not a NRRD file (no 'NRRD' magic)");
        }
        Map<String, String> h = new LinkedHashMap<>();
        int pos = 0;
        while (pos < all.length) {
            int end = pos;
            while (end < all.length && all[end] != '\n') {
                end++;
            }
            String line = new String(all, pos, end - pos, StandardCharsets.ISO_8859_1).strip();
            pos = end + 1;
            if (line.isEmpty()) {
                break; // a blank line ends the header; attached data follows
            }
            if (line.startsWith("#") || line.startsWith("NRRD")) {
                continue;
            }
            int colon = line.indexOf(':');
            if (colon > 0 && !line.substring(colon).startsWith(":=")) {
                h.put(line.substring(0, colon).strip().toLowerCase(Locale.ROOT), line.substring(colon + 1).strip());
            }
        }
        if (!"3".equals(h.get("dimension"))) {
            throw new IOException("only 3D NRRD is read, this one has dimension " + h.get("dimension"));
        }
        String[] sizes = require(h, "sizes").split("\\s+");
        int nx, ny, nz;
        double[][] axes;
        double[] origin;
        try {
            nx = Integer.parseInt(sizes[0]);
            ny = Integer.parseInt(sizes[1]);
            nz = Integer.parseInt(sizes[2]);
            axes = axes(h);
            origin = h.containsKey("space origin") ? vector(h.get("space origin")) : new double[3];
        } catch (RuntimeException e) {
            throw new IOException(file + ": NRRD header field 'sizes', 'space directions', 'spacings' or 'space"
                    + " origin' cannot be read (" + e.getMessage() + ")");
        }
        if (nx < 1 || ny < 1 || nz < 1) {
            throw new IOException(file + ": NRRD sizes " + nx + " " + ny + " " + nz + " must all be 1 or more");
        }
        String space = h.getOrDefault("space", "left-posterior-superior").toLowerCase(Locale.ROOT);
        boolean ras = space.startsWith("right-anterior") || space.equals("ras");
        if (ras) { // to LPS
            for (double[] a : axes) {
                a[0] = -a[0];
                a[1] = -a[1];
            }
            origin[0] = -origin[0];
            origin[1] = -origin[1];
        }
        VolumeIo.checkGeometry(file, axes[0], axes[1], axes[2], origin);
        Geometry g = VolumeIo.fromAxes(nx, ny, nz, axes[0], axes[1], axes[2], origin);
        String type = h.getOrDefault("type", "").toLowerCase(Locale.ROOT);
        long voxels = (long) nx * ny * nz;
        if (voxels > VolumeIo.MAX_ARRAY) {
            throw new IOException(file + ": " + nx + " x " + ny + " x " + nz + " voxels, more than one volume holds"
                    + " yet (2^31)");
        }
        int bytesPerVoxel = switch (type) {
        case "float" -> 4;
        case "short", "short int", "signed short", "int16", "int16_t", "ushort", "unsigned short", "uint16",
                "uint16_t" -> 2;
        default -> 1;
        };
        VolumeIo.requireMemory(file, voxels * (2 + bytesPerVoxel)); // the voxels and the data they come from
        byte[] data = data(file, all, pos, h);
        String encoding = h.getOrDefault("encoding", "raw").toLowerCase(Locale.ROOT);
        if (encoding.equals("gzip") || encoding.equals("gz")) {
            data = VolumeIo.gunzip(file, data, 0, voxels * bytesPerVoxel);
        } else if (!encoding.equals("raw")) {
            throw new IOException("NRRD encoding '" + encoding + "' is not read (raw and gzip are)");
        }
        int size = switch (type) {
        case "uchar", "unsigned char", "uint8", "uint8_t", "signed char", "int8", "int8_t" -> 1;
        case "short", "short int", "signed short", "int16", "int16_t", "ushort", "unsigned short", "uint16",
                "uint16_t" -> 2;
        case "float" -> 4;
        default -> throw new IOException("NRRD type '" + type + "' is not supported");
        };
        int count = Math.toIntExact(g.voxelCount());
        if (data.length < (long) count * size) {
            throw new IOException("image data is cut short: " + data.length + " bytes, " + (long) count * size
                    + " expected");
        }
        ByteBuffer b = ByteBuffer.wrap(data)
                .order("big".equals(h.get("endian")) ? ByteOrder.BIG_ENDIAN : ByteOrder.LITTLE_ENDIAN);
        short[] v = new short[count];
        boolean unsigned = type.startsWith("u");
        for (int n = 0; n < count; n++) {
            v[n] = switch (size) {
            case 1 -> (short) (unsigned ? data[n] & 0xff : data[n]);
            case 2 -> unsigned ? VolumeIo.clampToShort(b.getShort(2 * n) & 0xffff) : b.getShort(2 * n);
            default -> VolumeIo.clampToShort(b.getFloat(4 * n));
            };
        }
        return new Series(file.getFileName().toString(), h.getOrDefault("content", file.getFileName().toString()), "",
                new Volume(g, v, size == 1 && unsigned ? "label" : ""), file.toString(), List.of());
    }

    private static double[][] axes(Map<String, String> h) throws IOException {
        if (h.containsKey("space directions")) {
            String[] parts = h.get("space directions").split("\\)\\s*");
            double[][] a = new double[3][];
            int k = 0;
            for (String p : parts) {
                if (p.strip().isEmpty() || p.strip().equals("none")) {
                    continue;
                }
                a[k++] = vector(p + ")");
            }
            if (k != 3) {
                throw new IOException("space directions must give three vectors");
            }
            return a;
        }
        double[] s = { 1, 1, 1 };
        if (h.containsKey("spacings")) {
            String[] p = h.get("spacings").split("\\s+");
            for (int i = 0; i < 3; i++) {
                s[i] = Double.parseDouble(p[i]);
            }
        }
        return new double[][] { { s[0], 0, 0 }, { 0, s[1], 0 }, { 0, 0, s[2] } };
    }

    private static double[] vector(String text) {
        String[] p = text.replace("(", "").replace(")", "").split(",");
        return new double[] { Double.parseDouble(p[0].strip()), Double.parseDouble(p[1].strip()),
                Double.parseDouble(p[2].strip()) };
    }

    /** The data: attached after the header, in one detached file, or in a numbered list of files. */
    private static byte[] data(Path file, byte[] all, int pos, Map<String, String> h) throws IOException {
        String dataFile = h.get("data file");
        if (dataFile == null) {
            dataFile = h.get("datafile");
        }
        if (dataFile == null) {
            return java.util.Arrays.copyOfRange(all, pos, all.length);
        }
        String[] p = dataFile.split("\\s+");
        if (p.length >= 4 && p[0].contains("%")) { // printf pattern: format min max step
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            int min = Integer.parseInt(p[1]), max = Integer.parseInt(p[2]), step = Integer.parseInt(p[3]);
            if (step == 0 || Math.abs((long) max - min) / Math.abs(step) > 100_000) {
                throw new IOException(file + ": data file list '" + dataFile + "' names no or too many files");
            }
            for (int i = min; step > 0 ? i <= max : i >= max; i += step) {
                Path part = VolumeIo.besideHeader(file, String.format(Locale.ROOT, p[0], i));
                if (!Files.isRegularFile(part)) {
                    throw new IOException("data file " + part + " is missing");
                }
                out.write(VolumeIo.readAll(part));
            }
            return out.toByteArray();
        }
        Path data = VolumeIo.besideHeader(file, dataFile);
        if (!Files.isRegularFile(data)) {
            throw new IOException("data file " + data + " is missing");
        }
        return VolumeIo.readAll(data);
    }

    private static String require(Map<String, String> h, String key) throws IOException {
        String v = h.get(key);
        if (v == null) {
            throw new IOException("NRRD header has no '" + key + "' field");
        }
        return v;
    }

    /** Writes a 16-bit NRRD in LPS millimetres, data attached, gzip-encoded. */
    public static void write(Path file, Volume volume) throws IOException {
        Geometry g = volume.geometry();
        double[][] a = { g.dirI().times(g.spacing().x()).toArray(), g.dirJ().times(g.spacing().y()).toArray(),
                g.dirK().times(g.spacing().z()).toArray() };
        StringBuilder header = new StringBuilder("NRRD0004\n# TwinPrint: millimetres, patient LPS\n");
        header.append("type: short\ndimension: 3\nspace: left-posterior-superior\n");
        header.append("sizes: ").append(g.nx()).append(' ').append(g.ny()).append(' ').append(g.nz()).append('\n');
        header.append("space directions:");
        for (double[] v : a) {
            header.append(String.format(Locale.ROOT, " (%s,%s,%s)", num(v[0]), num(v[1]), num(v[2])));
        }
        header.append("\nkinds: domain domain domain\nendian: little\nencoding: gzip\n");
        header.append(String.format(Locale.ROOT, "space origin: (%s,%s,%s)\nspace units: \"mm\" \"mm\" \"mm\"\n\n",
                num(g.origin().x()), num(g.origin().y()), num(g.origin().z())));
        short[] v = volume.voxels();
        ByteBuffer data = ByteBuffer.allocate(2 * v.length).order(ByteOrder.LITTLE_ENDIAN);
        data.asShortBuffer().put(v);
        AtomicFiles.write(file, out -> {
            out.write(header.toString().getBytes(StandardCharsets.US_ASCII));
            GZIPOutputStream z = new GZIPOutputStream(out, 1 << 16);
            z.write(data.array());
            z.finish();
        });
    }

    private static String num(double d) {
        return Double.toString(d);
    }
}
