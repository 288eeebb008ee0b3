package org.twinprint.core.util;

import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntConsumer;
import java.util.stream.IntStream;

/**
 * Parallel loops where every thread takes the next piece of work as soon as it is done with one.
 * A parallel stream over the same indices cuts them into only four runs on two cores; where the
 * work is uneven (the dense slices of a skull, the crowded cells of a surface) one core then ends
 * up working alone for a long while.
 */
public final class Parallel {

    /** The half-open index range [from, to) of one block. */
    @FunctionalInterface
    public interface Range {
        void run(int from, int to);
    }

    /** What one block [from, to) gives back. */
    @FunctionalInterface
    public interface RangeResult<T> {
        T apply(int from, int to);
    }

    private Parallel() {
    }

    /** Runs {@code body} for every index in [from, to), one index at a time per thread. */
    public static void forEach(int from, int to, IntConsumer body) {
        forEachBlock(Math.max(0, to - from), 1, (first, last) -> body.accept(from + first));
    }

    /** Runs {@code body} on the blocks of {@code blockSize} consecutive indices of [0, count). */
    public static void forEachBlock(int count, int blockSize, Range body) {
        int blocks = blocks(count, blockSize);
        int threads = Math.min(blocks, ForkJoinPool.getCommonPoolParallelism() + 1);
        AtomicInteger next = new AtomicInteger();
        Runnable take = () -> {
            for (int b = next.getAndIncrement(); b < blocks; b = next.getAndIncrement()) {
                body.run(b * blockSize, (int) Math.min(count, (long) (b + 1) * blockSize));
            }
        };
        if (threads <= 1) {
            take.run();
        } else {
            IntStream.range(0, threads).parallel().forEach(thread -> take.run());
        }
    }

    /** The same, returning each block's result in block order. */
    public static <T> List<T> mapBlocks(int count, int blockSize, RangeResult<T> body) {
        Object[] results = new Object[blocks(count, blockSize)];
        forEachBlock(count, blockSize, (from, to) -> results[from / blockSize] = body.apply(from, to));
        @SuppressWarnings("unchecked")
        List<T> list = (List<T>) Arrays.asList(results);
        return list;
    }

    /**
     * Runs the makers at once, each on whichever thread is free, and returns what they made in their
     * order. For large arrays needed together: zeroing fresh memory is much of what making one costs,
     * and on one thread the other cores would wait for it.
     */
    @SafeVarargs
    public static List<Object> makeAll(java.util.function.Supplier<?>... makers) {
        Object[] made = new Object[makers.length];
        forEach(0, makers.length, i -> made[i] = makers[i].get());
        return Arrays.asList(made);
    }

    /**
     * Where each block's output begins when block b writes {@code counts.get(b)} items, in block
     * order; the last entry is the total. With {@link #mapBlocks} counting first, every block can
     * then write its share at once.
     */
    public static int[] offsets(List<Integer> counts) {
        int[] start = new int[counts.size() + 1];
        for (int b = 0; b < counts.size(); b++) {
            start[b + 1] = start[b] + counts.get(b);
        }
        return start;
    }

    private static int blocks(int count, int blockSize) {
        return (int) ((count + (long) blockSize - 1) / blockSize);
    }
}
