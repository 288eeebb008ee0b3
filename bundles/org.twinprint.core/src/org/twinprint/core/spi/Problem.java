package org.twinprint.core.spi;

import java.nio.file.Path;

/** Something wrong with one input file: the file and what is wrong with it, in words a user can act on. */
public record Problem(Path file, String message) {

    @Override
    public String toString() {
        return file + ": " + message;
    }
}
