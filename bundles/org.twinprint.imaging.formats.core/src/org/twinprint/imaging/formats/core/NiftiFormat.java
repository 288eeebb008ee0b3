package org.twinprint.imaging.formats.core;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Path;
import java.util.List;
import java.util.zip.GZIPOutputStream;

import org.twinprint.core.model.Geometry;
import org.twinprint.core.model.Series;
import org.twinprint.core.model.Vec3;
import org.twinprint.core.model.Volume;
import org.twinprint.core.files.AtomicFiles;

/**
 * NIfTI-1 (.nii, .nii.gz) in and out. NIfTI's world is RAS, TwinPrint's LPS: x and y change sign
 * on the way in and out. The sform is used when set, else the qform, else the voxel sizes.
 */
public final class NiftiFormat {

    private NiftiFormat() {
    }

    public static Series read(Path file) throws IOException {
        byte[] all = VolumeIo.readMaybeGzip(file);
        if (all.length < 348) {
            throw new IOException("shorter than a NIfTI-1 header (348 bytes)");
        }
        ByteBuffer b = ByteBuffer.wrap(all).order(ByteOrder.LITTLE_ENDIAN);
        if (b.getInt(0) != 348) {
            b.order(ByteOrder.BIG_ENDIAN);
            if (b.getInt(0) != 348) {
                throw new IOException("not a NIfTI-1 file (sizeof_hdr is not 348)");
            }
        }
        String magic = new String(all, 344, 3, java.nio.charset.StandardCharsets.US_ASCII);
        if (!magic.equals("n+1") && !magic.equals("ni1")) {
            throw new IOException("NIfTI magic '" + magic + "' is not n+1 (single-file NIfTI-1)");
        }
        if (magic.equals("ni1")) {
            throw new IOException("header-only NIfTI pairs (.hdr/.img) are not read; convert to .nii");
        }
        int nd = b.getShort(40);
        if (nd < 1 || nd > 7) {
            throw new IOException(file + ": NIfTI header field dim[0] is " + nd + "; it must be 1 to 7");
        }
        int nx = b.getShort(42), ny = nd > 1 ? b.getShort(44) : 1, nz = nd > 2 ? b.getShort(46) : 1;
        if (nx < 1 || ny < 1 || nz < 1) {
            throw new IOException(file + ": NIfTI header field dim[1..3] is " + nx + " " + ny + " " + nz
                    + "; each must be 1 or more");
        }
        if (nd > 3 && b.getShort(48) > 1) {
            throw new IOException("4D NIfTI (" + b.getShort(48) + " volumes) is not a single volume");
        }
        int datatype = b.getShort(70);
        float[] pixdim = { b.getFloat(80), b.getFloat(84), b.getFloat(88) };
        for (int i = 0; i < 3; i++) {
            if (!Float.isFinite(pixdim[i]) || pixdim[i] < 0) {
                throw new IOException(file + ": NIfTI header field pixdim[" + (i + 1) + "] is " + pixdim[i]
                        + "; a voxel size must be finite and not negative");
            }
        }
        float voxOffset = b.getFloat(108);
        if (!Float.isFinite(voxOffset) || voxOffset < 348 || voxOffset > all.length) {
            throw new IOException(file + ": NIfTI header field vox_offset is " + voxOffset + "; it must lie between"
                    + " the 348-byte header and the end of the file");
        }
        int offset = (int) voxOffset;
        float slope = b.getFloat(112), inter = b.getFloat(116);
        if (slope == 0 || Float.isNaN(slope)) {
            slope = 1;
            inter = 0;
        }
        double[][] ras = affine(b, pixdim);
        // RAS -> LPS: negate the x and y rows
        double[] ax = { -ras[0][0], -ras[1][0], ras[2][0] }, ay = { -ras[0][1], -ras[1][1], ras[2][1] },
                az = { -ras[0][2], -ras[1][2], ras[2][2] }, origin = { -ras[0][3], -ras[1][3], ras[2][3] };
        VolumeIo.checkGeometry(file, ax, ay, az, origin);
        Geometry g = VolumeIo.fromAxes(nx, ny, nz, ax, ay, az, origin);
        if (g.voxelCount() > VolumeIo.MAX_ARRAY) {
            throw new IOException(file + ": " + g.voxelCount() + " voxels, more than one volume holds yet (2^31)");
        }
        int count = (int) g.voxelCount();
        VolumeIo.requireMemory(file, 2L * count);
        short[] values = new short[count];
        int size = switch (datatype) {
        case 2, 256 -> 1;
        case 4, 512 -> 2;
        case 8, 16 -> 4;
        case 64 -> 8;
        default -> throw new IOException("NIfTI datatype " + datatype + " is not supported");
        };
        if (all.length < offset + (long) count * size) {
            throw new IOException("image data is cut short: " + (all.length - offset) + " bytes, "
                    + (long) count * size + " expected");
        }
        for (int n = 0; n < count; n++) {
            int p = offset + n * size;
            double raw = switch (datatype) {
            case 2 -> all[p] & 0xff;
            case 256 -> all[p];
            case 4 -> b.getShort(p);
            case 512 -> b.getShort(p) & 0xffff;
            case 8 -> b.getInt(p);
            case 16 -> b.getFloat(p);
            default -> b.getDouble(p);
            };
            values[n] = VolumeIo.clampToShort(raw * slope + inter);
        }
        String unit = datatype == 2 ? "label" : "";
        return new Series(file.getFileName().toString(), file.getFileName().toString(), "", new Volume(g, values, unit),
                file.toString(), List.of());
    }

    /** The 3x4 voxel-to-RAS matrix: sform, else qform, else scaling only. */
    private static double[][] affine(ByteBuffer b, float[] pixdim) {
        int qform = b.getShort(252), sform = b.getShort(254);
        if (sform > 0) {
            double[][] m = new double[3][4];
            for (int r = 0; r < 3; r++) {
                for (int c = 0; c < 4; c++) {
                    m[r][c] = b.getFloat(280 + 16 * r + 4 * c);
                }
            }
            return m;
        }
        if (qform > 0) {
            double qb = b.getFloat(256), qc = b.getFloat(260), qd = b.getFloat(264);
            double qa = Math.sqrt(Math.max(0, 1 - (qb * qb + qc * qc + qd * qd)));
            double qfac = b.getFloat(76) < 0 ? -1 : 1;
            double[][] r = { { qa * qa + qb * qb - qc * qc - qd * qd, 2 * (qb * qc - qa * qd), 2 * (qb * qd + qa * qc) },
                    { 2 * (qb * qc + qa * qd), qa * qa + qc * qc - qb * qb - qd * qd, 2 * (qc * qd - qa * qb) },
                    { 2 * (qb * qd - qa * qc), 2 * (qc * qd + qa * qb), qa * qa + qd * qd - qc * qc - qb * qb } };
            double[] s = { pixdim[0], pixdim[1], qfac * pixdim[2] };
            double[][] m = new double[3][4];
            for (int i = 0; i < 3; i++) {
                for (int j = 0; j < 3; j++) {
                    m[i][j] = r[i][j] * s[j];
                }
            }
            m[0][3] = b.getFloat(268);
            m[1][3] = b.getFloat(272);
            m[2][3] = b.getFloat(276);
            return m;
        }
        return new double[][] { { pixdim[0], 0, 0, 0 }, { 0, pixdim[1], 0, 0 }, { 0, 0, pixdim[2], 0 } };
    }

    /** Writes a volume as 16-bit NIfTI-1 with an sform (and the same qform-free header); gzip for .gz. */
    public static void write(Path file, Volume volume) throws IOException {
        Geometry g = volume.geometry();
        ByteBuffer h = ByteBuffer.allocate(352).order(ByteOrder.LITTLE_ENDIAN);
        h.putInt(0, 348);
        h.putShort(40, (short) 3);
        h.putShort(42, (short) g.nx());
        h.putShort(44, (short) g.ny());
        h.putShort(46, (short) g.nz());
        h.putShort(48, (short) 1);
        h.putShort(50, (short) 1);
        h.putShort(52, (short) 1);
        h.putShort(54, (short) 1);
        h.putShort(70, (short) 4); // int16
        h.putShort(72, (short) 16);
        h.putFloat(76, 1);
        h.putFloat(80, (float) g.spacing().x());
        h.putFloat(84, (float) g.spacing().y());
        h.putFloat(88, (float) g.spacing().z());
        h.putFloat(108, 352);
        h.putFloat(112, 1);
        h.put(123, (byte) 2); // xyzt units: millimetres
        byte[] descrip = "TwinPrint: mm; stored as RAS per NIfTI (patient LPS in TwinPrint)".getBytes(
                java.nio.charset.StandardCharsets.US_ASCII);
        h.put(148, descrip, 0, Math.min(79, descrip.length));
        h.putShort(254, (short) 1); // sform: scanner anatomical
        Vec3[] axes = { g.dirI().times(g.spacing().x()), g.dirJ().times(g.spacing().y()), g.dirK().times(g.spacing().z()) };
        double[] o = { -g.origin().x(), -g.origin().y(), g.origin().z() };
        for (int r = 0; r < 3; r++) {
            for (int c = 0; c < 3; c++) {
                double v = axes[c].toArray()[r] * (r < 2 ? -1 : 1);
                h.putFloat(280 + 16 * r + 4 * c, (float) v);
            }
            h.putFloat(280 + 16 * r + 12, (float) o[r]);
        }
        h.put(344, (byte) 'n');
        h.put(345, (byte) '+');
        h.put(346, (byte) '1');
        short[] v = volume.voxels();
        ByteBuffer data = ByteBuffer.allocate(2 * v.length).order(ByteOrder.LITTLE_ENDIAN);
        data.asShortBuffer().put(v);
        boolean gz = VolumeIo.endsWith(file, ".gz");
        AtomicFiles.write(file, out -> {
            if (gz) {
                GZIPOutputStream z = new GZIPOutputStream(out, 1 << 16);
                z.write(h.array());
                z.write(data.array());
                z.finish();
            } else {
                out.write(h.array());
                out.write(data.array());
            }
        });
    }

}
