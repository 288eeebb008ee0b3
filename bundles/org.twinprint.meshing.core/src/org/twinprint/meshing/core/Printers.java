package org.twinprint.meshing.core;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The printer list: a few common machines built in, or a user's own list in a small text file,
 * one printer per line: {@code name; build x; build y; build z (mm); mm³ per hour; cost per cm³;
 * thinnest wall (mm)}.
 */
public final class Printers {

    private Printers() {
    }

    public static List<Printer> defaults() {
        return List.of(
                new Printer("FDM desktop (Prusa MK4 class)", 250, 210, 220, 12_000, 0.05, 0.8),
                new Printer("SLA resin (Form 3 class)", 145, 145, 185, 9_000, 0.15, 0.4),
                new Printer("Material jetting (PolyJet class)", 490, 390, 200, 25_000, 0.45, 0.6),
                new Printer("SLS nylon (Fuse 1 class)", 165, 165, 300, 20_000, 0.10, 0.7));
    }

    /** Reads a printer list; a bad line is an error naming the file, line and problem. */
    public static List<Printer> read(Path file) throws IOException {
        List<Printer> printers = new ArrayList<>();
        int number = 0;
        for (String line : Files.readAllLines(file)) {
            number++;
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            String[] f = line.split(";");
            if (f.length != 7) {
                throw new IOException(file + ":" + number + ": expected 7 fields separated by ';', found " + f.length);
            }
            try {
                printers.add(new Printer(f[0].strip(), num(f[1]), num(f[2]), num(f[3]), num(f[4]), num(f[5]),
                        num(f[6])));
            } catch (NumberFormatException e) {
                throw new IOException(file + ":" + number + ": not a number: " + e.getMessage());
            }
        }
        return printers;
    }

    public static Printer find(List<Printer> printers, String name) {
        return printers.stream().filter(p -> p.name().toLowerCase(Locale.ROOT).contains(name.toLowerCase(Locale.ROOT)))
                .findFirst().orElseThrow(() -> new org.twinprint.core.spi.BadParameterException("no printer matches '" + name + "'"));
    }

    private static double num(String s) {
        return Double.parseDouble(s.strip());
    }
}
