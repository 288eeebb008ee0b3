package org.twinprint.core.model;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * All segments of a case in layers of one byte per voxel, as 3D Slicer keeps them: in a layer, a
 * voxel holds the label of the segment that owns it (0 = none). Segments that do not overlap share
 * a layer, so a hundred of them cost no more memory than one; a segment that overlaps others (a
 * tumour inside its organ, two experts' regions that share a border) goes to another layer, and a
 * layer that has used all 255 labels is followed by another.
 */
public final class LabelMap {

    public static final int MAX_LABEL = 255;

    private final Geometry geometry;
    private final List<byte[]> layers = new ArrayList<>();
    private final List<Segment> segments = new ArrayList<>();

    public LabelMap(Geometry geometry) {
        this.geometry = Objects.requireNonNull(geometry, "geometry");
        layers.add(new byte[Math.toIntExact(geometry.voxelCount())]);
    }

    public Geometry geometry() {
        return geometry;
    }

    /** The first layer's labels (unsigned bytes), x fastest; shared, not copied. */
    public byte[] labels() {
        return layers.get(0);
    }

    public int layerCount() {
        return layers.size();
    }

    /** One layer's labels; shared, not copied. */
    public byte[] layer(int n) {
        return layers.get(n);
    }

    /** The labels of the layer a segment lives in; shared, not copied. */
    public byte[] labelsOf(Segment s) {
        return layers.get(s.layer());
    }

    /** The segment's voxels as a mask of the grid (a copy). */
    public boolean[] mask(Segment s) {
        byte[] labels = labelsOf(s);
        byte label = (byte) s.label();
        boolean[] mask = new boolean[labels.length];
        for (int n = 0; n < labels.length; n++) {
            mask[n] = labels[n] == label;
        }
        return mask;
    }

    /** Whether the voxel at {@code index} belongs to the segment. */
    public boolean contains(Segment s, int index) {
        return layers.get(s.layer())[index] == (byte) s.label();
    }

    /** The first layer's label at a voxel. */
    public int labelAt(int index) {
        return layers.get(0)[index] & 0xff;
    }

    /** Adds empty layers or drops the last ones (undo of an edit that added a layer). */
    public void setLayerCount(int count) {
        if (count < 1) {
            throw new IllegalArgumentException("a label map has at least one layer");
        }
        while (layers.size() > count) {
            layers.remove(layers.size() - 1);
        }
        while (layers.size() < count) {
            layers.add(new byte[layers.get(0).length]);
        }
    }

    public List<Segment> segments() {
        return Collections.unmodifiableList(segments);
    }

    public Optional<Segment> segment(String name) {
        return segments.stream().filter(s -> s.name().equals(name)).findFirst();
    }

    /** Adds a segment under the lowest free label of the first layer that has one. */
    public Segment addSegment(String name, int rgb) {
        checkNameFree(name);
        for (int layer = 0; layer < layers.size(); layer++) {
            int label = freeLabel(layer);
            if (label > 0) {
                return add(new Segment(label, name, rgb, layer));
            }
        }
        setLayerCount(layers.size() + 1);
        return add(new Segment(1, name, rgb, layers.size() - 1));
    }

    /**
     * Adds a segment with the given voxels without taking any from another segment: in the first
     * layer where all of them are free, or in a new layer.
     */
    public Segment addSegmentOver(String name, int rgb, int[] voxels) {
        checkNameFree(name);
        for (int layer = 0; layer < layers.size(); layer++) {
            int label = freeLabel(layer);
            if (label > 0 && allFree(layers.get(layer), voxels)) {
                return fill(add(new Segment(label, name, rgb, layer)), voxels);
            }
        }
        setLayerCount(layers.size() + 1);
        return fill(add(new Segment(1, name, rgb, layers.size() - 1)), voxels);
    }

    /** Adds a segment under a chosen label of the first layer, which must be free. */
    public Segment addSegment(int label, String name, int rgb) {
        return addSegment(0, label, name, rgb);
    }

    /** Adds a segment under a chosen label and layer (a case file read back); the label must be free there. */
    public Segment addSegment(int layer, int label, String name, int rgb) {
        checkNameFree(name);
        if (segments.stream().anyMatch(s -> s.layer() == layer && s.label() == label)) {
            throw new IllegalArgumentException("label " + label + " of layer " + layer + " is taken");
        }
        if (layer >= layers.size()) {
            setLayerCount(layer + 1);
        }
        return add(new Segment(label, name, rgb, layer));
    }

    /** Sets the segment list as it was at some point (undo and redo). */
    public void replaceSegments(List<Segment> list) {
        segments.clear();
        segments.addAll(list);
    }

    /** Changes a segment's name or colour, keeping its layer, label and voxels. */
    public Segment update(Segment old, String name, int rgb) {
        int at = segments.indexOf(old);
        if (at < 0) {
            throw new IllegalArgumentException("no segment '" + old.name() + "' in this map");
        }
        if (!name.equals(old.name()) && segment(name).isPresent()) {
            throw new IllegalArgumentException("a segment named '" + name + "' exists already");
        }
        Segment s = new Segment(old.label(), name, rgb, old.layer());
        segments.set(at, s);
        return s;
    }

    /** Removes a segment and clears its voxels; its layer stays (undo keeps the layer count). */
    public void removeSegment(Segment s) {
        if (!segments.remove(s)) {
            throw new IllegalArgumentException("no segment '" + s.name() + "' in this map");
        }
        byte[] layer = labelsOf(s);
        byte label = (byte) s.label();
        for (int n = 0; n < layer.length; n++) {
            if (layer[n] == label) {
                layer[n] = 0;
            }
        }
    }

    /** Drops every segment not in the given list (used to undo a failed edit). */
    public void retainSegments(List<Segment> keep) {
        segments.retainAll(keep);
    }

    public long voxelCount(Segment segment) {
        byte b = (byte) segment.label();
        long n = 0;
        for (byte v : labelsOf(segment)) {
            if (v == b) {
                n++;
            }
        }
        return n;
    }

    public double volumeMm3(Segment segment) {
        return voxelCount(segment) * geometry.voxelVolumeMm3();
    }

    private void checkNameFree(String name) {
        if (segment(name).isPresent()) {
            throw new IllegalArgumentException("a segment named '" + name + "' exists already");
        }
    }

    /** The lowest label no segment of the layer uses, or 0 if all are used. */
    private int freeLabel(int layer) {
        boolean[] used = new boolean[MAX_LABEL + 1];
        for (Segment s : segments) {
            if (s.layer() == layer) {
                used[s.label()] = true;
            }
        }
        for (int label = 1; label <= MAX_LABEL; label++) {
            if (!used[label]) {
                return label;
            }
        }
        return 0;
    }

    private static boolean allFree(byte[] layer, int[] voxels) {
        for (int v : voxels) {
            if (layer[v] != 0) {
                return false;
            }
        }
        return true;
    }

    private Segment add(Segment s) {
        segments.add(s);
        return s;
    }

    private Segment fill(Segment s, int[] voxels) {
        byte[] layer = layers.get(s.layer());
        for (int v : voxels) {
            layer[v] = (byte) s.label();
        }
        return s;
    }
}
