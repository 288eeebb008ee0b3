package org.twinprint.meshing.core;

/**
 * The corners of a triangle in their order, 0 → 1 → 2 → 0, without {@code %} (the quick JIT
 * divides for it, and these run in the per-triangle loops).
 */
final class Corners {

    private Corners() {
    }

    /** The corner after k: (k + 1) % 3. */
    static int next(int k) {
        return k == 2 ? 0 : k + 1;
    }

    /** The corner before k: (k + 2) % 3. */
    static int previous(int k) {
        return k == 0 ? 2 : k - 1;
    }
}
