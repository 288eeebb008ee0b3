package org.twinprint.core.model;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/**
 * A patient case: its image series, the label map of its segments, its meshes, plans and
 * predictions, and the provenance of every step. Listeners hear about every change, so views
 * follow edits made by any service, from the UI or the command line.
 */
public final class Case {

    private final String name;
    private final List<Series> series = new ArrayList<>();
    private final List<Mesh> meshes = new ArrayList<>();
    private final List<Markup> markups = new ArrayList<>();
    private final List<ProvenanceEntry> provenance = new ArrayList<>();
    private final Map<String, Object> results = new java.util.LinkedHashMap<>();
    private LabelMap labelMap;
    private final List<Consumer<Case>> listeners = new CopyOnWriteArrayList<>();
    private final java.util.Deque<LabelEdit> undo = new java.util.ArrayDeque<>();
    private final java.util.Deque<LabelEdit> redo = new java.util.ArrayDeque<>();
    /** Undo history is kept within this many bytes; the oldest edits go first. */
    private static final long HISTORY_BYTES = 256L << 20;
    private boolean undoable = true;
    private final List<Runnable> onClose = new CopyOnWriteArrayList<>();

    public Case(String name) {
        this.name = Objects.requireNonNull(name, "name");
    }

    public String name() {
        return name;
    }

    public synchronized List<Series> series() {
        return List.copyOf(series);
    }

    public synchronized List<Mesh> meshes() {
        return List.copyOf(meshes);
    }

    /** Landmarks, measurements and planes, in the order they were placed. */
    public synchronized List<Markup> markups() {
        return List.copyOf(markups);
    }

    /** Adds a markup, or replaces the one of the same name (an edit). */
    public void putMarkup(Markup m) {
        synchronized (this) {
            int at = -1;
            for (int i = 0; i < markups.size(); i++) {
                if (markups.get(i).name().equals(m.name())) {
                    at = i;
                }
            }
            if (at >= 0) {
                markups.set(at, m);
            } else {
                markups.add(m);
            }
        }
        fireChanged();
    }

    public void removeMarkup(String name) {
        boolean removed;
        synchronized (this) {
            removed = markups.removeIf(m -> m.name().equals(name));
        }
        if (removed) {
            fireChanged();
        }
    }

    public synchronized List<ProvenanceEntry> provenance() {
        return List.copyOf(provenance);
    }

    /** Named outputs of services that are neither images nor meshes: plans, predictions, measurements. */
    public synchronized Map<String, Object> results() {
        return Collections.unmodifiableMap(new java.util.LinkedHashMap<>(results));
    }

    public synchronized LabelMap labelMap() {
        return labelMap;
    }

    /** The label map on the grid of the first series, created on first use. */
    public LabelMap labelMapForEditing() {
        synchronized (this) {
            if (labelMap == null) {
                if (series.isEmpty()) {
                    throw new IllegalStateException("case '" + name + "' has no image series to segment");
                }
                labelMap = new LabelMap(series.get(0).volume().geometry());
            }
        }
        return labelMap;
    }

    public void addSeries(Series s) {
        synchronized (this) {
            series.add(s);
        }
        fireChanged();
    }

    public void addMesh(Mesh m) {
        synchronized (this) {
            meshes.add(m);
        }
        fireChanged();
    }

    /** Removes the meshes of a name (before building a new model of that segment). */
    public void removeMeshes(String name) {
        boolean removed;
        synchronized (this) {
            removed = meshes.removeIf(m -> m.name().equals(name));
        }
        if (removed) {
            fireChanged();
        }
    }

    /** Puts a filtered mesh where its input was (or adds it when the input is not in the case). */
    public void replaceMesh(Mesh old, Mesh replacement) {
        synchronized (this) {
            int at = meshes.indexOf(old);
            if (at >= 0) {
                meshes.set(at, replacement);
            } else {
                meshes.add(replacement);
            }
        }
        fireChanged();
    }

    public void putResult(String key, Object value) {
        synchronized (this) {
            results.put(key, value);
        }
        fireChanged();
    }

    public void record(ProvenanceEntry entry) {
        synchronized (this) {
            provenance.add(entry);
        }
        fireChanged();
    }

    /**
     * Whether segment edits are kept for undo, and put back when a tool fails (the default). A run
     * that ends with its file, like the command line's {@code model}, needs neither: without them an
     * edit costs no copy and no comparison of the label map.
     */
    public synchronized void keepUndoHistory(boolean keep) {
        undoable = keep;
        if (!keep) {
            undo.clear();
            redo.clear();
        }
    }

    public synchronized boolean keepsUndoHistory() {
        return undoable;
    }

    /** Remembers an edit of the label map for undo; a new edit makes redo impossible. */
    public void pushEdit(LabelEdit edit) {
        synchronized (this) {
            undo.push(edit);
            redo.clear();
            long total = 0;
            for (LabelEdit e : undo) {
                total += e.bytes();
            }
            while (undo.size() > 1 && total > HISTORY_BYTES) {
                total -= undo.removeLast().bytes();
            }
        }
    }

    public synchronized java.util.Optional<String> nextUndo() {
        return java.util.Optional.ofNullable(undo.peek()).map(LabelEdit::description);
    }

    public synchronized java.util.Optional<String> nextRedo() {
        return java.util.Optional.ofNullable(redo.peek()).map(LabelEdit::description);
    }

    /** Takes back the last edit of the label map; returns what it was, or empty if none. */
    public java.util.Optional<String> undo() {
        LabelEdit e;
        synchronized (this) {
            e = undo.poll();
            if (e == null) {
                return java.util.Optional.empty();
            }
            e.undo(labelMap);
            redo.push(e);
        }
        fireChanged();
        return java.util.Optional.of(e.description());
    }

    /** Does again the last edit taken back. */
    public java.util.Optional<String> redo() {
        LabelEdit e;
        synchronized (this) {
            e = redo.poll();
            if (e == null) {
                return java.util.Optional.empty();
            }
            e.redo(labelMap);
            undo.push(e);
        }
        fireChanged();
        return java.util.Optional.of(e.description());
    }

    /** Runs when the case is closed, e.g. deletes the temporary copy of the files it came from. */
    public void onClose(Runnable action) {
        onClose.add(action);
    }

    /** Closes the case: its close actions run once, in the order they were added. */
    public void close() {
        List<Runnable> actions = List.copyOf(onClose);
        onClose.clear();
        actions.forEach(Runnable::run);
    }

    public void addListener(Consumer<Case> l) {
        listeners.add(l);
    }

    public void removeListener(Consumer<Case> l) {
        listeners.remove(l);
    }

    /** Tells listeners the case changed; services call it after editing the label map in place. */
    public void fireChanged() {
        for (Consumer<Case> l : listeners) {
            l.accept(this);
        }
    }
}
