package org.twinprint.core.spi;

/** Thrown when the user cancelled a long operation; the case is left as it was before it. */
public final class CanceledException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public CanceledException() {
        super("cancelled by the user");
    }
}
