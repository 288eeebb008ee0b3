package org.twinprint.cli;

import java.nio.ByteBuffer;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;

import org.twinprint.core.model.Case;
import org.twinprint.core.model.Mesh;
import org.twinprint.core.model.ProvenanceEntry;
import org.twinprint.core.model.Series;

/**
 * A SHA-256 of each part of a case's data, to tell whether two cases (one saved, one reopened, say)
 * hold the same: voxels and labels as stored, mesh vertices and triangles, the markups (positions
 * to the last bit, as Java prints a double), the provenance steps.
 */
final class CaseDigests {

    private CaseDigests() {
    }

    static Map<String, Object> of(Case c) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("series", c.series().stream().map(s -> sha(shorts(s))).toList());
        m.put("labels", c.labelMap() == null ? null : sha(layers(c.labelMap())));
        m.put("meshes", c.meshes().stream().map(CaseDigests::mesh).toList());
        StringBuilder marks = new StringBuilder();
        for (org.twinprint.core.model.Markup k : c.markups()) {
            marks.append(k.name()).append('\t').append(k.type()).append('\t').append(k.normal());
            k.points().forEach(p -> marks.append('\t').append(p.label()).append('=').append(p.position()));
            marks.append('\n');
        }
        m.put("markups", sha(marks.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        StringBuilder steps = new StringBuilder();
        for (ProvenanceEntry e : c.provenance()) {
            steps.append(e.time()).append('\t').append(e.serviceId()).append('\t').append(e.pluginId()).append('\t')
                    .append(e.pluginVersion()).append('\t').append(new java.util.TreeMap<>(e.parameters()))
                    .append('\t').append(e.summary()).append('\n');
        }
        m.put("provenance", sha(steps.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        return m;
    }

    /** The layers one after the other (with one layer, the label bytes as they are). */
    private static byte[] layers(org.twinprint.core.model.LabelMap map) {
        java.io.ByteArrayOutputStream all = new java.io.ByteArrayOutputStream();
        for (int n = 0; n < map.layerCount(); n++) {
            all.writeBytes(map.layer(n));
        }
        return all.toByteArray();
    }

    private static byte[] shorts(Series s) {
        short[] v = s.volume().voxels();
        ByteBuffer b = ByteBuffer.allocate(2 * v.length).order(java.nio.ByteOrder.LITTLE_ENDIAN);
        b.asShortBuffer().put(v);
        return b.array();
    }

    private static String mesh(Mesh m) {
        ByteBuffer b = ByteBuffer.allocate(4 * (m.vertices().length + m.triangles().length))
                .order(java.nio.ByteOrder.LITTLE_ENDIAN);
        b.asFloatBuffer().put(m.vertices());
        b.position(4 * m.vertices().length);
        b.asIntBuffer().put(m.triangles());
        return sha(b.array());
    }

    private static String sha(byte[] data) {
        try {
            return HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256").digest(data));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
