package org.twinprint.meshing.core;

import java.util.Locale;

/** The mesh file formats TwinPrint writes, chosen by file name ending. */
public enum MeshFormat {
    STL("stl"), OBJ("obj"), PLY("ply"), THREE_MF("3mf"), GLB("glb");

    private final String extension;

    MeshFormat(String extension) {
        this.extension = extension;
    }

    public String extension() {
        return extension;
    }

    public static MeshFormat of(java.nio.file.Path file) {
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        for (MeshFormat f : values()) {
            if (name.endsWith("." + f.extension)) {
                return f;
            }
        }
        throw new org.twinprint.core.spi.BadParameterException(file + ": unknown mesh format; use .stl, .obj, .ply, .3mf or .glb");
    }
}
