package org.twinprint.casefile.core.internal;

import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Random;

import org.twinprint.core.model.Case;
import org.twinprint.core.model.Geometry;
import org.twinprint.core.model.LabelMap;
import org.twinprint.core.model.Markup;
import org.twinprint.core.model.Mesh;
import org.twinprint.core.model.ProvenanceEntry;
import org.twinprint.core.model.Series;
import org.twinprint.core.model.Vec3;
import org.twinprint.core.model.Volume;

/** Cases made for the tests, and the digests that say two cases hold the same. */
final class Cases {

    private Cases() {
    }

    /**
     * A case with an oblique series of random CT values (side voxels per axis), two segments, two
     * meshes and its provenance; {@code seed} makes it, the same every time.
     */
    static Case made(String name, int side, long seed) {
        Random random = new Random(seed);
        double c = Math.cos(0.3), s = Math.sin(0.3);
        Geometry g = new Geometry(side, side + 3, side / 2 + 1, new Vec3(0.4511718750000001, 0.45117, 1.25),
                new Vec3(-117.31, -98.123456789012345, 42.000000000000007), new Vec3(c, s, 0), new Vec3(-s, c, 0),
                new Vec3(0, 0, 1));
        short[] voxels = new short[Math.toIntExact(g.voxelCount())];
        for (int i = 0; i < voxels.length; i++) {
            voxels[i] = (short) (random.nextInt(4096) - 1024);
        }
        Case out = new Case(name);
        out.addSeries(new Series("1.2.826.0.1.3680043.10.543." + seed, "made", "CT", new Volume(g, voxels, "HU"),
                "/nowhere/" + seed, List.of("a warning kept with the series")));
        LabelMap labels = out.labelMapForEditing();
        labels.addSegment(1, "Skull", 0xe8dcc0);
        labels.addSegment(7, "Tumour", 0xff3300);
        for (int i = 0; i < labels.labels().length; i++) {
            int r = random.nextInt(10);
            labels.labels()[i] = (byte) (r < 6 ? 0 : r < 9 ? 1 : 7);
        }
        // a vessel through both: a segment that overlaps others lives in a second layer
        labels.addSegmentOver("Vessel", 0x3355ff, java.util.stream.IntStream.range(0, labels.labels().length)
                .filter(i -> i % 11 == 0).toArray());
        out.addMesh(mesh("Skull", 0xe8dcc0, random, 300));
        out.addMesh(mesh("Tumour", 0xff3300, random, 40));
        for (Markup m : markups(random)) {
            out.putMarkup(m);
        }
        out.record(new ProvenanceEntry(Instant.parse("2026-12-07T10:15:30.123456789Z"), "import.dicom",
                "org.twinprint.imaging.dicom.core", "0.1.0", Map.of("folder", "/data/ct", "series", "all"),
                "140 slices"));
        out.record(new ProvenanceEntry(Instant.parse("2026-12-07T10:16:00Z"), "segment.threshold",
                "org.twinprint.segmentation.core", "0.1.0", Map.of("lower", "700", "upper", "3071"), "1,371,755 voxels"));
        return out;
    }

    /** Three landmarks, a line, an angle, a cut plane and a closed curve, at random LPS positions. */
    static List<Markup> markups(Random random) {
        java.util.function.Supplier<Vec3> at = () -> new Vec3(random.nextGaussian() * 50, random.nextGaussian() * 50,
                random.nextGaussian() * 50);
        return List.of(
                new Markup("Landmarks", Markup.Type.POINTS, List.of(new Markup.Point("Nasion", at.get()),
                        new Markup.Point("Left porion", at.get()), new Markup.Point("Right porion", at.get())), null),
                new Markup("Defect width", Markup.Type.LINE, List.of(new Markup.Point("", at.get()),
                        new Markup.Point("", at.get())), null),
                new Markup("Angle", Markup.Type.ANGLE, List.of(new Markup.Point("", at.get()),
                        new Markup.Point("", at.get()), new Markup.Point("", at.get())), null),
                new Markup("Cut 1", Markup.Type.PLANE, List.of(new Markup.Point("", at.get())), at.get()),
                new Markup("Margin", Markup.Type.CLOSED_CURVE, List.of(new Markup.Point("", at.get()),
                        new Markup.Point("", at.get()), new Markup.Point("", at.get()), new Markup.Point("", at.get())),
                        null));
    }

    private static Mesh mesh(String name, int rgb, Random random, int triangles) {
        float[] v = new float[3 * (triangles + 2)];
        for (int i = 0; i < v.length; i++) {
            v[i] = (float) (random.nextGaussian() * 40);
        }
        int[] t = new int[3 * triangles];
        for (int i = 0; i < t.length; i++) {
            t[i] = random.nextInt(triangles + 2);
        }
        return new Mesh(name, rgb, v, t);
    }

    /** One line per part of the case: its name, then a SHA-256 of its content (for comparing two cases). */
    static String digests(Case c) {
        StringBuilder out = new StringBuilder("name " + c.name() + "\n");
        for (Series s : c.series()) {
            java.nio.ByteBuffer b = java.nio.ByteBuffer.allocate(2 * s.volume().voxels().length);
            b.asShortBuffer().put(s.volume().voxels());
            out.append("series ").append(s.uid()).append(' ').append(s.volume().geometry()).append(' ')
                    .append(s.warnings()).append(' ').append(sha(b.array())).append('\n');
        }
        if (c.labelMap() != null) {
            out.append("labels ").append(c.labelMap().segments());
            for (int n = 0; n < c.labelMap().layerCount(); n++) {
                out.append(' ').append(sha(c.labelMap().layer(n)));
            }
            out.append('\n');
        }
        for (Mesh m : c.meshes()) {
            java.nio.ByteBuffer b = java.nio.ByteBuffer.allocate(4 * (m.vertices().length + m.triangles().length));
            b.asFloatBuffer().put(m.vertices());
            b.position(4 * m.vertices().length);
            b.asIntBuffer().put(m.triangles());
            out.append("mesh ").append(m.name()).append(' ').append(m.rgb()).append(' ').append(sha(b.array()))
                    .append('\n');
        }
        for (Markup m : c.markups()) {
            out.append("markup ").append(m).append('\n');
        }
        for (ProvenanceEntry e : c.provenance()) {
            out.append("step ").append(e.time()).append(' ').append(e.serviceId()).append(' ')
                    .append(new java.util.TreeMap<>(e.parameters())).append(' ').append(e.summary()).append('\n');
        }
        return out.toString();
    }

    private static String sha(byte[] bytes) {
        return HexFormat.of().formatHex(CaseWriter.sha256().digest(bytes));
    }
}
