package org.twinprint.meshing.vtk;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Runs an independent checker from Debian (admesh, Savitar through Python) on an exported file. */
final class ExternalCheck {

    private ExternalCheck() {
    }

    static String run(List<String> command) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        byte[] out = p.getInputStream().readAllBytes();
        if (!p.waitFor(5, TimeUnit.MINUTES)) {
            p.destroyForcibly();
            throw new IOException(command + " did not finish");
        }
        return new String(out, StandardCharsets.UTF_8);
    }

    /** A number admesh prints after "label :" (e.g. "Backwards edges       :     0"). */
    static double admeshValue(String output, String label) {
        for (String line : output.split("\n")) {
            if (line.startsWith(label)) {
                String rest = line.substring(line.indexOf(':') + 1).strip();
                return Double.parseDouble(rest.split("\\s+")[0]);
            }
        }
        throw new AssertionError("admesh printed no '" + label + "':\n" + output);
    }

    static String admesh(Path stl) throws IOException, InterruptedException {
        return run(List.of("admesh", stl.toString()));
    }
}
