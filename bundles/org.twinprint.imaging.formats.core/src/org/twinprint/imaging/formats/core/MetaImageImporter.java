package org.twinprint.imaging.formats.core;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.InflaterInputStream;

import org.osgi.service.component.annotations.Component;
import org.twinprint.core.model.Geometry;
import org.twinprint.core.model.Series;
import org.twinprint.core.model.Vec3;
import org.twinprint.core.model.Volume;
import org.twinprint.core.spi.ImportResult;
import org.twinprint.core.spi.FileImporter;
import org.twinprint.core.spi.Importer;

/**
 * Reads MetaImage (.mhd with a separate data file, or .mha with the data inline), raw or zlib
 * compressed. MetaImage positions are ITK physical coordinates, which are patient LPS in mm:
 * Offset is the first voxel's centre and TransformMatrix holds the axis directions.
 */
@Component(service = Importer.class)
public final class MetaImageImporter extends FileImporter {

    public MetaImageImporter() {
        super("import.metaimage", "MetaImage (.mhd/.mha)", ".mhd", ".mha");
    }

    @Override
    protected ImportResult read(Path file) throws IOException {
        return new ImportResult(List.of(readSeries(file)), List.of());
    }

    static Series readSeries(Path file) throws IOException {
        byte[] all = VolumeIo.readAll(file);
        Map<String, String> header = new LinkedHashMap<>();
        int pos = 0;
        String dataFile = null;
        while (pos < all.length && dataFile == null) {
            int end = pos;
            while (end < all.length && all[end] != '\n') {
                end++;
            }
            String line = new String(all, pos, end - pos, StandardCharsets.ISO_8859_1).strip();
            pos = end + 1;
            int eq = line.indexOf('=');
            if (eq < 0) {
                if (line.isEmpty()) {
                    continue;
                }
                throw new IOException("header line without '=': " + line);
            }
            String key = line.substring(0, eq).strip();
            String value = line.substring(eq + 1).strip();
            header.put(key, value);
            if (key.equals("ElementDataFile")) {
                dataFile = value;
            }
        }
        if (dataFile == null) {
            throw new IOException("no ElementDataFile in the header");
        }
        int[] dims = ints(header, "DimSize", 3);
        double[] spacing = doubles(header, "ElementSpacing", 3, 1);
        double[] offset = doubles(header, "Offset", 3, 0);
        if (header.containsKey("Position")) {
            offset = doubles(header, "Position", 3, 0);
        }
        double[] matrix = header.containsKey("TransformMatrix") ? doubles(header, "TransformMatrix", 9, 0)
                : new double[] { 1, 0, 0, 0, 1, 0, 0, 0, 1 };
        String type = header.getOrDefault("ElementType", "");
        int channels = Integer.parseInt(header.getOrDefault("ElementNumberOfChannels", "1"));
        if (channels != 1) {
            throw new IOException("multi-channel images (" + channels + ") are not volumes");
        }
        boolean compressed = header.getOrDefault("CompressedData", "False").equalsIgnoreCase("true");
        boolean bigEndian = header.getOrDefault("BinaryDataByteOrderMSB",
                header.getOrDefault("ElementByteOrderMSB", "False")).equalsIgnoreCase("true");
        for (int d : dims) {
            if (d < 1) {
                throw new IOException(file + ": DimSize " + java.util.Arrays.toString(dims) + " must all be 1 or more");
            }
        }
        long count = (long) dims[0] * dims[1] * dims[2];
        if (count > VolumeIo.MAX_ARRAY) {
            throw new IOException(file + ": " + count + " voxels, more than one volume holds yet (2^31)");
        }
        VolumeIo.checkGeometry(file, new double[] { matrix[0] * spacing[0], matrix[1] * spacing[0], matrix[2]
                * spacing[0] }, new double[] { matrix[3] * spacing[1], matrix[4] * spacing[1], matrix[5] * spacing[1] },
                new double[] { matrix[6] * spacing[2], matrix[7] * spacing[2], matrix[8] * spacing[2] }, offset);
        byte[] raw;
        if (dataFile.equalsIgnoreCase("LOCAL")) {
            raw = java.util.Arrays.copyOfRange(all, pos, all.length);
        } else {
            Path data = VolumeIo.besideHeader(file, dataFile);
            if (!Files.isRegularFile(data)) {
                throw new IOException("data file " + data + " is missing");
            }
            raw = VolumeIo.readAll(data);
        }
        VolumeIo.requireMemory(file, count * 2);
        if (compressed) {
            raw = inflate(file, raw, count * bytesPerElement(type));
        }
        short[] values = convert(raw, type, count, bigEndian ? ByteOrder.BIG_ENDIAN : ByteOrder.LITTLE_ENDIAN);
        Geometry g = new Geometry(dims[0], dims[1], dims[2], new Vec3(spacing[0], spacing[1], spacing[2]),
                new Vec3(offset[0], offset[1], offset[2]), new Vec3(matrix[0], matrix[1], matrix[2]),
                new Vec3(matrix[3], matrix[4], matrix[5]), new Vec3(matrix[6], matrix[7], matrix[8]));
        String unit = type.equals("MET_UCHAR") ? "label" : "";
        return new Series(file.getFileName().toString(), file.getFileName().toString(), header.getOrDefault("Modality", ""),
                new Volume(g, values, unit), file.toString(), List.of());
    }

    private static short[] convert(byte[] raw, String type, long count, ByteOrder order) throws IOException {
        int size = switch (type) {
        case "MET_UCHAR", "MET_CHAR" -> 1;
        case "MET_SHORT", "MET_USHORT" -> 2;
        default -> throw new IOException("element type " + type + " is not supported yet (8 and 16 bit only)");
        };
        if (raw.length < count * size) {
            throw new IOException("image data holds " + raw.length + " bytes, " + count * size
                    + " expected: the data file is truncated");
        }
        short[] out = new short[Math.toIntExact(count)];
        ByteBuffer b = ByteBuffer.wrap(raw).order(order);
        for (int i = 0; i < out.length; i++) {
            out[i] = switch (type) {
            case "MET_UCHAR" -> (short) (raw[i] & 0xff);
            case "MET_CHAR" -> raw[i];
            case "MET_SHORT" -> b.getShort(2 * i);
            default -> (short) Math.min(Short.MAX_VALUE, b.getShort(2 * i) & 0xffff);
            };
        }
        return out;
    }

    /** Inflates (zlib) to exactly what the header says the image holds, never more. */
    private static byte[] inflate(Path file, byte[] data, long expected) throws IOException {
        if (expected > VolumeIo.MAX_ARRAY) {
            throw new IOException(file + ": the image holds " + expected + " bytes, over the 2 GiB read in one go");
        }
        VolumeIo.requireMemory(file, expected);
        byte[] out = new byte[(int) expected];
        try (InputStream in = new InflaterInputStream(new java.io.ByteArrayInputStream(data))) {
            int n = in.readNBytes(out, 0, out.length);
            if (n < out.length) {
                throw new IOException(file + ": compressed image data is cut short: " + n + " bytes, " + expected
                        + " expected");
            }
            return out;
        } catch (java.util.zip.ZipException e) {
            throw new IOException(file + ": compressed data is damaged: " + e.getMessage());
        }
    }

    private static long bytesPerElement(String type) {
        return switch (type) {
        case "MET_UCHAR", "MET_CHAR" -> 1;
        case "MET_SHORT", "MET_USHORT" -> 2;
        case "MET_INT", "MET_UINT", "MET_FLOAT" -> 4;
        case "MET_DOUBLE", "MET_LONG", "MET_ULONG" -> 8;
        default -> 2;
        };
    }

    private static int[] ints(Map<String, String> h, String key, int n) throws IOException {
        double[] d = doubles(h, key, n, Double.NaN);
        int[] out = new int[n];
        for (int i = 0; i < n; i++) {
            out[i] = (int) d[i];
        }
        return out;
    }

    private static double[] doubles(Map<String, String> h, String key, int n, double fallback) throws IOException {
        String v = h.get(key);
        double[] out = new double[n];
        if (v == null) {
            if (Double.isNaN(fallback)) {
                throw new IOException("header has no " + key);
            }
            java.util.Arrays.fill(out, fallback);
            return out;
        }
        String[] parts = v.split("\\s+");
        if (parts.length < n) {
            throw new IOException(key + " has " + parts.length + " values, " + n + " expected");
        }
        try {
            for (int i = 0; i < n; i++) {
                out[i] = Double.parseDouble(parts[i]);
            }
        } catch (NumberFormatException e) {
            throw new IOException(key + ": not a number: " + e.getMessage());
        }
        return out;
    }
}
