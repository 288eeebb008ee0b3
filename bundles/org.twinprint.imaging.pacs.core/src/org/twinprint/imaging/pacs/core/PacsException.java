package org.twinprint.imaging.pacs.core;

import java.io.IOException;

/** A PACS operation that failed, with the node and what went wrong. */
public class PacsException extends IOException {

    private static final long serialVersionUID = 1L;

    public PacsException(String message) {
        super(message);
    }

    public PacsException(String message, Throwable cause) {
        super(message, cause);
    }
}
