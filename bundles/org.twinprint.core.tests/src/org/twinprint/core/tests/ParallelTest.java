package org.twinprint.core.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicIntegerArray;

import org.junit.jupiter.api.Test;
import org.twinprint.core.util.Parallel;

class ParallelTest {

    @Test
    void everyIndexRunsExactlyOnceWhateverTheBlockSize() {
        for (int count : new int[] { 0, 1, 4095, 4096, 4097, 100_003 }) {
            for (int block : new int[] { 1, 7, 4096 }) {
                AtomicIntegerArray seen = new AtomicIntegerArray(count);
                Parallel.forEachBlock(count, block, (from, to) -> {
                    assertEquals(0, from % block, "blocks start on a multiple of the block size");
                    assertEquals(Math.min(count, from + block), to);
                    for (int i = from; i < to; i++) {
                        seen.incrementAndGet(i);
                    }
                });
                for (int i = 0; i < count; i++) {
                    assertEquals(1, seen.get(i), "index " + i + " of " + count + " in blocks of " + block);
                }
            }
        }
    }

    @Test
    void forEachVisitsTheRangeOnce() {
        AtomicIntegerArray seen = new AtomicIntegerArray(50);
        Parallel.forEach(10, 40, i -> seen.incrementAndGet(i));
        for (int i = 0; i < 50; i++) {
            assertEquals(i >= 10 && i < 40 ? 1 : 0, seen.get(i), "index " + i);
        }
    }

    @Test
    void resultsComeBackInBlockOrderWhenTheWorkIsUneven() {
        // the first blocks are by far the slowest: others finish first, the order must not follow
        List<Integer> firsts = Parallel.mapBlocks(1000, 10, (from, to) -> {
            long spin = from < 50 ? 2_000_000 : 0;
            double x = 0;
            for (long k = 0; k < spin; k++) {
                x += Math.sqrt(k);
            }
            return x >= 0 ? from : -1;
        });
        assertEquals(100, firsts.size());
        for (int b = 0; b < 100; b++) {
            assertEquals(10 * b, firsts.get(b));
        }
    }

    @Test
    void offsetsLetEveryBlockWriteItsShareInBlockOrder() {
        assertEquals(List.of(0, 3, 3, 7), java.util.Arrays.stream(Parallel.offsets(List.of(3, 0, 4))).boxed().toList());
        assertEquals(List.of(0), java.util.Arrays.stream(Parallel.offsets(List.of())).boxed().toList());
        // the even numbers below 100,000, gathered block by block at once
        int count = 100_000, block = 4096;
        int[] start = Parallel.offsets(Parallel.mapBlocks(count, block, (from, to) -> (to - from + (from & 1)) / 2));
        int[] evens = new int[start[start.length - 1]];
        Parallel.forEachBlock(count, block, (from, to) -> {
            int k = start[from / block];
            for (int i = from; i < to; i++) {
                if (i % 2 == 0) {
                    evens[k++] = i;
                }
            }
        });
        assertEquals(count / 2, evens.length);
        for (int k = 0; k < evens.length; k++) {
            assertEquals(2 * k, evens[k]);
        }
    }

    @Test
    void theWorkIsSharedAndAFailureReachesTheCaller() {
        java.util.Set<Thread> threads = ConcurrentHashMap.newKeySet();
        Parallel.forEachBlock(64, 1, (from, to) -> {
            threads.add(Thread.currentThread());
            try {
                Thread.sleep(5);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        assertEquals(Math.min(64, java.util.concurrent.ForkJoinPool.getCommonPoolParallelism() + 1), threads.size());

        IllegalStateException failure = new IllegalStateException("block 7 failed");
        IllegalStateException thrown = assertThrows(IllegalStateException.class, () -> Parallel.forEachBlock(100, 1,
                (from, to) -> {
                    if (from == 7) {
                        throw failure;
                    }
                }));
        // a failure on another thread comes back as a copy of the same type holding the original
        assertSame(failure, thrown == failure ? thrown : thrown.getCause());
    }

    @Test
    void makeAllReturnsWhatEachMakerMadeInOrderAndSharesTheWork() {
        java.util.Set<Thread> threads = ConcurrentHashMap.newKeySet();
        // the two int makers wait for each other: they can only both finish on two threads at once
        java.util.concurrent.CountDownLatch both = new java.util.concurrent.CountDownLatch(2);
        java.util.function.Supplier<int[]> slow = () -> {
            threads.add(Thread.currentThread());
            both.countDown();
            try {
                assertTrue(both.await(10, java.util.concurrent.TimeUnit.SECONDS), "the other maker ran beside");
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return new int[7];
        };
        List<Object> made = Parallel.makeAll(slow, () -> new float[3], slow);
        assertEquals(7, ((int[]) made.get(0)).length);
        assertEquals(3, ((float[]) made.get(1)).length);
        assertEquals(7, ((int[]) made.get(2)).length);
        assertEquals(2, threads.size());
    }
}
