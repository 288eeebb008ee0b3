package org.twinprint.prediction.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;

import org.junit.jupiter.api.Test;

/** Calibration measured on a synthetic cohort drawn from a known logistic model. */
class CalibrationTest {

    private static final int N = 10_000;

    @Test
    void aCalibratedModelScoresSlopeOneInterceptZeroAndItsExpectedBrier() {
        double[] x = new double[N], risk = new double[N], halved = new double[N];
        int[] y = new int[N];
        Random random = new Random(2026);
        for (int i = 0; i < N; i++) {
            x[i] = random.nextGaussian();
            double logit = -1 + 1.2 * x[i];
            risk[i] = Possum.logistic(logit);
            halved[i] = Possum.logistic(logit / 2);
            y[i] = random.nextDouble() < risk[i] ? 1 : 0;
        }
        LogisticCalibration.Report r = LogisticCalibration.assess(risk, y, 200);
        double expected = LogisticCalibration.expectedBrier(risk);
        System.out.printf("calibrated: slope %.3f (%.3f-%.3f), intercept %.3f (%.3f-%.3f), Brier %.4f (expected %.4f),"
                + " AUC %.3f (%.3f-%.3f)%n", r.slope().value(), r.slope().lower(), r.slope().upper(),
                r.intercept().value(), r.intercept().lower(), r.intercept().upper(), r.brier().value(), expected,
                r.auc().value(), r.auc().lower(), r.auc().upper());
        assertEquals(1, r.slope().value(), 0.05);
        assertEquals(0, r.intercept().value(), 0.05);
        // one cohort's Brier score scatters about its expectation by sqrt(mean p(1-p)(1-2p)^2 / n), 0.0018
        // here: within 4 of those for this cohort, and within 0.002 on average over 20 cohorts
        assertEquals(expected, r.brier().value(), 4 * brierError(risk));
        assertEquals(0, meanBrierExcess(20), 0.002);
        assertTrue(r.slope().lower() < 1 && 1 < r.slope().upper());
        LogisticCalibration.Report h = LogisticCalibration.assess(halved, y, 200);
        System.out.printf("halved logit: slope %.3f (%.3f-%.3f)%n", h.slope().value(), h.slope().lower(),
                h.slope().upper());
        assertEquals(2, h.slope().value(), 0.1);
        assertEquals(r.auc().value(), h.auc().value(), 1e-12); // same order of risks, same AUC
    }

    private static double brierError(double[] risk) {
        double s = 0;
        for (double p : risk) {
            s += p * (1 - p) * (1 - 2 * p) * (1 - 2 * p);
        }
        return Math.sqrt(s / risk.length / risk.length);
    }

    /** The Brier score less its expected value, averaged over cohorts drawn from the same model. */
    private static double meanBrierExcess(int cohorts) {
        double sum = 0;
        Random random = new Random(99);
        for (int c = 0; c < cohorts; c++) {
            double[] risk = new double[N];
            int[] y = new int[N];
            for (int i = 0; i < N; i++) {
                risk[i] = Possum.logistic(-1 + 1.2 * random.nextGaussian());
                y[i] = random.nextDouble() < risk[i] ? 1 : 0;
            }
            sum += LogisticCalibration.assess(risk, y, 1).brier().value() - LogisticCalibration.expectedBrier(risk);
        }
        System.out.printf("Brier score less its expectation, mean of %d cohorts: %.5f%n", cohorts, sum / cohorts);
        return sum / cohorts;
    }

    @Test
    void aFitOnTheCohortRecoversTheModelAndGivesEachRiskAnInterval() {
        double[][] x = new double[N][2];
        int[] y = new int[N];
        Random random = new Random(11);
        for (int i = 0; i < N; i++) {
            x[i][0] = random.nextGaussian();
            x[i][1] = random.nextDouble() * 4;
            y[i] = random.nextDouble() < Possum.logistic(-2 + 0.8 * x[i][0] + 0.5 * x[i][1]) ? 1 : 0;
        }
        LogisticCalibration.Fit f = LogisticCalibration.fit(x, y);
        double[] c = f.coefficients();
        System.out.printf("fitted: %.3f %.3f %.3f in %d iterations%n", c[0], c[1], c[2], f.iterations());
        for (int a = 0; a < 3; a++) {
            double se = Math.sqrt(f.covariance()[a][a]);
            double truth = new double[] { -2, 0.8, 0.5 }[a];
            assertTrue(Math.abs(c[a] - truth) < 3 * se, "coefficient " + a + ": " + c[a] + " +- " + se);
        }
        double[] risk = f.risk(new double[] { 0, 2 });
        assertEquals(Possum.logistic(f.logit(new double[] { 0, 2 })), risk[0], 1e-12);
        assertTrue(risk[1] < risk[0] && risk[0] < risk[2] && risk[2] - risk[1] < 0.05);
    }

    @Test
    void theAucCountsTiesAsHalf() {
        // pairs with the outcome above those without: 1 + 0.5 (tie) + 1 + 1 of 4
        assertEquals(0.875, LogisticCalibration.auc(new double[] { 0.1, 0.5, 0.5, 0.9 }, new int[] { 0, 0, 1, 1 }), 1e-12);
    }
}
