package org.twinprint.vtk;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import vtk.vtkNativeLibrary;

/**
 * Loads VTK's JNI libraries once per JVM, and guards rendering. Two facts of Debian's VTK 9.1
 * shape it: the rendering libraries link against the JDK's JAWT, which must be loaded first; and
 * VTK aborts the whole JVM when it opens a render window without an X display, so every render
 * path calls {@link #requireDisplay} before it creates one.
 */
public final class VtkRuntime {

    private static boolean loaded;
    private static boolean quiet;
    private static List<String> failed = List.of();

    private VtkRuntime() {
    }

    /** Loads every VTK library that can load; throws if the core ones cannot (VTK not installed). */
    public static synchronized void load() {
        if (loaded) {
            return;
        }
        System.loadLibrary("jawt");
        vtkNativeLibrary.LoadAllNativeLibraries();
        List<String> missing = new ArrayList<>();
        for (vtkNativeLibrary lib : vtkNativeLibrary.values()) {
            if (!lib.IsLoaded()) {
                missing.add(lib.GetLibraryName());
            }
        }
        for (vtkNativeLibrary core : new vtkNativeLibrary[] { vtkNativeLibrary.vtkCommonCore,
                vtkNativeLibrary.vtkCommonDataModel, vtkNativeLibrary.vtkFiltersCore }) {
            requireLoaded(core);
        }
        quiet();
        failed = List.copyOf(missing);
        loaded = true;
    }

    /**
     * Loads only the given modules' libraries: what a filter that renders nothing needs. The four
     * a surface filter needs load in about a sixth of the time all 118 take, and the rest of the
     * machine's cores stay free for whatever runs beside.
     */
    public static synchronized void load(vtkNativeLibrary... modules) {
        for (vtkNativeLibrary module : modules) {
            if (!module.IsLoaded()) {
                module.LoadLibrary();
            }
            requireLoaded(module);
        }
        quiet();
    }

    private static void requireLoaded(vtkNativeLibrary module) {
        if (!module.IsLoaded()) {
            throw new IllegalStateException("VTK library " + module.GetLibraryName()
                    + " did not load: install Debian's libvtk9-java and put its JNI folder on java.library.path");
        }
    }

    /** VTK's own error window would block or print to a console nobody reads. */
    private static void quiet() {
        if (!quiet) {
            vtkNativeLibrary.DisableOutputWindow(null);
            quiet = true;
        }
    }

    /** Libraries that did not load (MPI, Python, Qt bindings are expected among them). */
    public static synchronized List<String> unavailableLibraries() {
        return failed;
    }

    /** True when an X server answers on DISPLAY, so that VTK may open a render window. */
    public static boolean displayAvailable() {
        return displayAvailable(System.getenv("DISPLAY"));
    }

    static boolean displayAvailable(String display) {
        if (display == null || display.isBlank()) {
            return false;
        }
        // ":N" or ":N.S" is a local server with a socket; a remote "host:N" cannot be checked cheaply
        if (display.startsWith(":")) {
            String number = display.substring(1).split("\\.")[0];
            return Files.exists(Path.of("/tmp/.X11-unix/X" + number));
        }
        return true;
    }

    /** Refuses, with a message instead of a JVM abort, to render where there is no display. */
    public static void requireDisplay(String what) {
        if (!displayAvailable()) {
            throw new IllegalStateException(what + " needs an X display and none is available (DISPLAY="
                    + System.getenv("DISPLAY") + "); run under xvfb-run or use the command line");
        }
    }
}
