package org.twinprint.meshing.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.twinprint.core.model.Mesh;

class JitWarmUpTest {

    private static final double OUTER = JitWarmUp.OUTER_MM, INNER = OUTER - JitWarmUp.WALL_MM;
    private static final double BALL_MM3 = 4.0 / 3 * Math.PI * (OUTER * OUTER * OUTER - INNER * INNER * INNER);

    @Test
    void theWarmUpBallIsAClosedHollowBall() {
        Mesh sphere = JitWarmUp.sphere(JitWarmUp.RINGS, 20);
        assertTrue(MeshTopology.of(sphere).watertight(), "closed, manifold, consistently oriented");
        assertEquals(4.0 / 3 * Math.PI * 8000, sphere.volumeMm3(), 0.01 * 4.0 / 3 * Math.PI * 8000, "faces out");
        Mesh ball = JitWarmUp.hollowBall();
        assertEquals(13_776, ball.triangleCount());
        MeshTopology topology = MeshTopology.of(ball);
        assertTrue(topology.watertight());
        assertEquals(2, topology.shells());
        assertEquals(BALL_MM3, ball.volumeMm3(), 0.01 * BALL_MM3, "the inner sphere faces into the hollow");
    }

    @Test
    void everyStageDoesItsWorkOnTheBall() {
        // the warm-up is only worth its time if no stage passes the ball through untouched
        PrintabilityReport report = JitWarmUp.exercise();
        assertEquals(13_776 / 2, report.triangles(), "reduced to half");
        assertTrue(report.topology().watertight());
        assertEquals(2, report.topology().shells(), "no shell dropped by the repair");
        assertEquals(BALL_MM3, report.volumeMm3(), 0.02 * BALL_MM3);
        // the 1 % quantile: the thinnest sample may be a spot where reduction left two sheets close but not crossing
        assertEquals(JitWarmUp.WALL_MM, report.thinWallMm(), 0.3, "the wall found from the outside in");
        assertEquals(0, report.selfIntersections());
    }
}
