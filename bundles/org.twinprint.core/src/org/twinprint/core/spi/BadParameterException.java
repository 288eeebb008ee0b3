package org.twinprint.core.spi;

/**
 * The user asked for something that cannot be: an unknown parameter, tool, printer or format, a
 * value out of range. The command line answers it as wrong usage (exit 2); a problem with the
 * data is any other exception (exit 1).
 */
public class BadParameterException extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    public BadParameterException(String message) {
        super(message);
    }
}
