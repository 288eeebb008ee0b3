package org.twinprint.imaging.pacs.core;

import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;

import org.twinprint.core.spi.CanceledException;
import org.twinprint.core.spi.Progress;

/**
 * Runs one network operation with a limit on silence: it fails when the peer has said nothing
 * new (no answer, no object received) for the timeout, however long the whole transfer takes.
 * PixelMed's network code sets no socket timeouts, so the operation runs on a daemon thread that
 * is abandoned, never waited for, when the peer goes silent: the caller gets its message in
 * time, and the process can always end.
 */
final class Watchdog {

    /** The seconds of silence after which a peer is given up, unless set otherwise. */
    static final int DEFAULT_SECONDS = 20;

    /** One network operation; it calls {@link #alive()} whenever the peer shows life. */
    interface Operation<T> {
        T run(Watchdog watchdog) throws Exception;
    }

    private final AtomicLong lastSign = new AtomicLong(System.nanoTime());

    /** The peer answered or sent something: the silence starts again. */
    void alive() {
        lastSign.set(System.nanoTime());
    }

    /**
     * The operation's result, or a PacsException that names the node and what went wrong: the
     * timeout, a malformed answer (what PixelMed throws on a bad PDU), or the failure itself.
     */
    static <T> T run(String what, int timeoutSeconds, Progress progress, Operation<T> operation) throws PacsException {
        return run(what, timeoutSeconds, progress, operation, () -> { });
    }

    /** The same; {@code onFailure} runs when the operation fails or is given up (closes, deletes). */
    static <T> T run(String what, int timeoutSeconds, Progress progress, Operation<T> operation, Runnable onFailure)
            throws PacsException {
        try {
            return watch(what, timeoutSeconds, progress, operation);
        } catch (PacsException | RuntimeException e) {
            onFailure.run();
            throw e;
        }
    }

    private static <T> T watch(String what, int timeoutSeconds, Progress progress, Operation<T> operation)
            throws PacsException {
        Watchdog dog = new Watchdog();
        FutureTask<T> task = new FutureTask<>(() -> operation.run(dog));
        Thread thread = new Thread(task, "TwinPrint " + what);
        thread.setDaemon(true); // a peer that never answers must not keep the process alive
        thread.start();
        long limit = TimeUnit.SECONDS.toNanos(timeoutSeconds);
        while (true) {
            try {
                return task.get(200, TimeUnit.MILLISECONDS);
            } catch (TimeoutException e) {
                if (progress.isCanceled()) {
                    thread.interrupt();
                    throw new CanceledException();
                }
                if (System.nanoTime() - dog.lastSign.get() > limit) {
                    thread.interrupt();
                    throw new PacsException(what + ": no answer for " + timeoutSeconds + " s; given up (the timeout"
                            + " is set with --timeout)");
                }
            } catch (InterruptedException e) {
                thread.interrupt();
                Thread.currentThread().interrupt();
                throw new PacsException(what + ": interrupted");
            } catch (ExecutionException e) {
                throw explain(what, e.getCause());
            }
        }
    }

    private static PacsException explain(String what, Throwable cause) {
        if (cause instanceof PacsException p) {
            return p;
        }
        String message = cause.getMessage() == null ? "" : cause.getMessage();
        if (cause instanceof OutOfMemoryError || cause instanceof NegativeArraySizeException
                || cause instanceof IndexOutOfBoundsException || cause instanceof IllegalArgumentException
                || cause instanceof ArithmeticException) {
            return new PacsException(what + ": the peer sent a malformed or oversized protocol data unit ("
                    + cause.getClass().getSimpleName() + (message.isEmpty() ? "" : ": " + message) + ")", cause);
        }
        return new PacsException(what + " failed (" + (message.isEmpty() ? cause.getClass().getSimpleName() : message)
                + ")", cause);
    }
}
