package org.twinprint.testing;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Where tests find the real imaging data of {@code ../shared/data}: the build passes its
 * location as the system property {@code twinprint.shared}. The product itself never needs it.
 */
public final class TestData {

    private TestData() {
    }

    public static Path shared(String relative) {
        String root = System.getProperty("twinprint.shared", "../shared");
        Path p = Path.of(root, "data").resolve(relative).toAbsolutePath().normalize();
        if (!Files.exists(p)) {
            throw new IllegalStateException("test data missing: " + p
                    + " (tests expect the shared data folder beside the project)");
        }
        return p;
    }

    /** The CT head phantom series: 140 slices of 512x512, the demo case. */
    public static Path headPhantom() {
        return shared("philips-head-phantom-bone1mm/dicom");
    }
}
