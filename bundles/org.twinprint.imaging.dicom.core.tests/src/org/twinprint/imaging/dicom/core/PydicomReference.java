package org.twinprint.imaging.dicom.core;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * pydicom (Debian python3-pydicom, with GDCM's Python binding for compressed data) as an
 * independent reference: for each file "OK count min max sum" of its stored values, masked to
 * BitsStored and sign-extended as DICOM prescribes, or "FAIL reason". Each file is decoded in a
 * forked child, so a codec that aborts costs only its own line.
 */
final class PydicomReference {

    private static final String SCRIPT = """
            import os, sys
            import numpy as np
            import pydicom

            def stats(path):
                ds = pydicom.dcmread(path)
                a = ds.pixel_array.astype(np.int64)
                bits = int(ds.BitsStored)
                a &= (1 << bits) - 1
                if int(getattr(ds, "PixelRepresentation", 0)) == 1:
                    a = np.where(a >= 1 << (bits - 1), a - (1 << bits), a)
                return "%d %d %d %d" % (a.size, a.min(), a.max(), a.sum())

            for path in sys.argv[1:]:
                r, w = os.pipe()
                if os.fork() == 0:
                    os.close(r)
                    try:
                        line = "OK " + stats(path)
                    except Exception as e:
                        line = "FAIL " + type(e).__name__
                    os.write(w, line.encode())
                    os._exit(0)
                os.close(w)
                out = os.read(r, 4096).decode()
                os.close(r)
                os.wait()
                print(os.path.basename(path) + "\\t" + (out or "FAIL crashed"), flush=True)
            """;

    private PydicomReference() {
    }

    /** File name to "OK count min max sum" or "FAIL ...". */
    static Map<String, String> of(List<Path> files) throws IOException, InterruptedException {
        Path script = Files.createTempFile("pydicom-reference", ".py");
        try {
            Files.writeString(script, SCRIPT);
            List<String> command = new ArrayList<>(List.of("/usr/bin/python3", script.toString()));
            files.forEach(f -> command.add(f.toString()));
            Process p = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.DISCARD).start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!p.waitFor(5, TimeUnit.MINUTES)) {
                p.destroyForcibly();
                throw new IOException("pydicom did not finish");
            }
            Map<String, String> lines = new HashMap<>();
            out.lines().map(l -> l.split("\t", 2)).filter(l -> l.length == 2).forEach(l -> lines.put(l[0], l[1]));
            if (lines.size() != files.size()) {
                throw new IOException("pydicom answered for " + lines.size() + " of " + files.size() + " files:\n" + out);
            }
            return lines;
        } finally {
            Files.deleteIfExists(script);
        }
    }
}
