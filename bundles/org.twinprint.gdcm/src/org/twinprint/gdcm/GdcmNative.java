package org.twinprint.gdcm;

/**
 * Loads GDCM's JNI library once. It must be loaded from this bundle, whose class loader also
 * defines GDCM's classes, or their native methods stay unlinked. Only GDCM's codecs are used:
 * never its networking, which aborts the JVM.
 */
public final class GdcmNative {

    private static String problem;
    private static boolean tried;

    private GdcmNative() {
    }

    /** Null when GDCM is ready, else why not (library missing, wrong platform). */
    public static synchronized String load() {
        if (!tried) {
            tried = true;
            try {
                System.loadLibrary("gdcmjni");
                gdcm.Trace.WarningOff(); // its warnings restate what the caller reports
            } catch (UnsatisfiedLinkError | SecurityException e) {
                problem = "libgdcmjni could not be loaded (" + e.getMessage()
                        + "); install Debian's libgdcm-java";
            }
        }
        return problem;
    }
}
