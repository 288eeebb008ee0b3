package org.twinprint.meshing.core;

import java.util.stream.IntStream;

/** Work over [0, count) cut into blocks of consecutive indices; the blocks run in parallel. */
final class ParallelBlocks {

    /** The half-open index range [from, to) of one block. */
    @FunctionalInterface
    interface Range {
        void run(int from, int to);
    }

    /** What one block [from, to) gives back. */
    @FunctionalInterface
    interface RangeResult<T> {
        T apply(int from, int to);
    }

    private ParallelBlocks() {
    }

    /** Runs the blocks in parallel and returns their results in block order. */
    static <T> java.util.List<T> map(int count, int blockSize, RangeResult<T> body) {
        return IntStream.range(0, (count + blockSize - 1) / blockSize).parallel()
                .mapToObj(block -> body.apply(block * blockSize, Math.min(count, (block + 1) * blockSize))).toList();
    }

    static void run(int count, int blockSize, Range body) {
        IntStream.range(0, (count + blockSize - 1) / blockSize).parallel()
                .forEach(block -> body.run(block * blockSize, Math.min(count, (block + 1) * blockSize)));
    }
}
