package org.twinprint.meshing.core;

import java.util.stream.IntStream;

/** Work over [0, count) cut into blocks of consecutive indices; the blocks run in parallel. */
final class ParallelBlocks {

    /** The half-open index range [from, to) of one block. */
    @FunctionalInterface
    interface Range {
        void run(int from, int to);
    }

    private ParallelBlocks() {
    }

    static void run(int count, int blockSize, Range body) {
        IntStream.range(0, (count + blockSize - 1) / blockSize).parallel()
                .forEach(block -> body.run(block * blockSize, Math.min(count, (block + 1) * blockSize)));
    }
}
