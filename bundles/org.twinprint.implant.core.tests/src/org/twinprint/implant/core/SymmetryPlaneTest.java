package org.twinprint.implant.core;

import static org.junit.jupiter.api.Assertions.assertTrue;

import org.twinprint.core.model.Vec3;

/** A synthetic skull, mirror-symmetric about a tilted plane off the grid, with a defect on one side. */
class SymmetryPlaneTest {

    @org.junit.jupiter.params.ParameterizedTest
    @org.junit.jupiter.params.provider.CsvSource({ "6, 3, 1.37, -0.83, 0.51", "9, -4, -2.11, 1.9, -0.37",
            "3.5, 7, 0.73, 0.27, 1.13" })
    void theMidPlaneOfADefectiveSymmetricShellIsFoundWithinADegreeAndAMillimetre(double aboutZ, double aboutY,
            double cx, double cy, double cz) {
        SkullPhantom skull = SkullPhantom.of(aboutZ, aboutY, cx, cy, cz);
        Vec3 ex = skull.normal(), centre = skull.centre();
        SymmetryPlane.Plane found = SymmetryPlane.find(skull.defective(), skull.grid());
        double degrees = Math.toDegrees(Math.acos(Math.min(1, Math.abs(found.normal().dot(ex)))));
        double mm = Math.abs(found.distance(centre));
        System.out.printf("symmetry plane of the defective shell tilted %.1f and %.1f degrees: off by %.3f degrees"
                + " and %.3f mm%n", aboutZ, aboutY, degrees, mm);
        assertTrue(degrees <= 1, degrees + " degrees");
        assertTrue(mm <= 1, mm + " mm");
    }
}
