package org.twinprint.core.model;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * All segments of a case in one compact map: one byte per voxel holds the label of the segment
 * that owns it (0 = background), so a hundred segments cost no more memory than one.
 */
public final class LabelMap {

    public static final int MAX_LABEL = 255;

    private final Geometry geometry;
    private final byte[] labels;
    private final List<Segment> segments = new ArrayList<>();

    public LabelMap(Geometry geometry) {
        this.geometry = Objects.requireNonNull(geometry, "geometry");
        this.labels = new byte[Math.toIntExact(geometry.voxelCount())];
    }

    public Geometry geometry() {
        return geometry;
    }

    /** The label array itself (unsigned bytes), x fastest; shared, not copied. */
    public byte[] labels() {
        return labels;
    }

    public int labelAt(int index) {
        return labels[index] & 0xff;
    }

    public List<Segment> segments() {
        return Collections.unmodifiableList(segments);
    }

    public Optional<Segment> segment(String name) {
        return segments.stream().filter(s -> s.name().equals(name)).findFirst();
    }

    /** Adds a segment under the lowest free label. */
    public Segment addSegment(String name, int rgb) {
        if (segment(name).isPresent()) {
            throw new IllegalArgumentException("a segment named '" + name + "' exists already");
        }
        for (int label = 1; label <= MAX_LABEL; label++) {
            final int l = label;
            if (segments.stream().noneMatch(s -> s.label() == l)) {
                Segment s = new Segment(label, name, rgb);
                segments.add(s);
                return s;
            }
        }
        throw new IllegalStateException("a label map holds at most " + MAX_LABEL + " segments");
    }

    /** Adds a segment under a chosen label, which must be free. */
    public Segment addSegment(int label, String name, int rgb) {
        if (segment(name).isPresent()) {
            throw new IllegalArgumentException("a segment named '" + name + "' exists already");
        }
        if (segments.stream().anyMatch(s -> s.label() == label)) {
            throw new IllegalArgumentException("label " + label + " is taken");
        }
        Segment s = new Segment(label, name, rgb);
        segments.add(s);
        return s;
    }

    /** Sets the segment list as it was at some point (undo and redo). */
    public void replaceSegments(List<Segment> list) {
        segments.clear();
        segments.addAll(list);
    }

    /** Changes a segment's name or colour, keeping its label and voxels. */
    public Segment update(Segment old, String name, int rgb) {
        int at = segments.indexOf(old);
        if (at < 0) {
            throw new IllegalArgumentException("no segment '" + old.name() + "' in this map");
        }
        if (!name.equals(old.name()) && segment(name).isPresent()) {
            throw new IllegalArgumentException("a segment named '" + name + "' exists already");
        }
        Segment s = new Segment(old.label(), name, rgb);
        segments.set(at, s);
        return s;
    }

    /** Drops every segment not in the given list (used to undo a failed edit). */
    public void retainSegments(List<Segment> keep) {
        segments.retainAll(keep);
    }

    public long voxelCount(Segment segment) {
        byte b = (byte) segment.label();
        long n = 0;
        for (byte v : labels) {
            if (v == b) {
                n++;
            }
        }
        return n;
    }

    public double volumeMm3(Segment segment) {
        return voxelCount(segment) * geometry.voxelVolumeMm3();
    }
}
