package org.twinprint.prediction.core;

import java.util.Arrays;

import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.ArrayRealVector;
import org.apache.commons.math3.linear.LUDecomposition;
import org.apache.commons.math3.linear.RealMatrix;
import org.apache.commons.math3.linear.RealVector;
import org.apache.commons.math3.random.MersenneTwister;

/**
 * How well a risk model fits a lab's own patients, and a logistic model fitted on them: maximum
 * likelihood by Newton's method (iteratively reweighted least squares), the Brier score, the
 * calibration intercept and slope (the outcome regressed on the model's logit), and the AUC,
 * each with a bootstrap 95 % interval.
 */
public final class LogisticCalibration {

    /** A fitted logistic model: intercept first, then one coefficient per predictor, with their covariance. */
    public record Fit(double[] coefficients, double[][] covariance, int iterations) {

        public double logit(double[] x) {
            double s = coefficients[0];
            for (int i = 0; i < x.length; i++) {
                s += coefficients[i + 1] * x[i];
            }
            return s;
        }

        /** The risk and its 95 % interval (from the coefficients' covariance, on the logit scale). */
        public double[] risk(double[] x) {
            double[] row = new double[x.length + 1];
            row[0] = 1;
            System.arraycopy(x, 0, row, 1, x.length);
            double variance = 0;
            for (int a = 0; a < row.length; a++) {
                for (int b = 0; b < row.length; b++) {
                    variance += row[a] * covariance[a][b] * row[b];
                }
            }
            double l = logit(x), half = 1.959964 * Math.sqrt(variance);
            return new double[] { Possum.logistic(l), Possum.logistic(l - half), Possum.logistic(l + half) };
        }
    }

    /** An estimate with its bootstrap 95 % interval. */
    public record Estimate(double value, double lower, double upper) {
    }

    /** The measures of a model's predictions on a cohort. */
    public record Report(int n, Estimate brier, Estimate intercept, Estimate slope, Estimate auc) {
    }

    private static final int MAX_ITERATIONS = 50;

    private LogisticCalibration() {
    }

    /** Fits outcome (0 or 1) on the predictors (one row per patient). */
    public static Fit fit(double[][] x, int[] y) {
        int n = y.length, k = x.length == 0 ? 1 : x[0].length + 1;
        if (n != x.length || n < k + 1) {
            throw new IllegalArgumentException("a logistic fit of " + (k - 1) + " predictors needs more than " + k
                    + " patients with one row each, not " + n);
        }
        for (int i = 0; i < n; i++) {
            if (y[i] != 0 && y[i] != 1) {
                throw new IllegalArgumentException("patient " + (i + 1) + ": an outcome is 0 or 1, not " + y[i]);
            }
        }
        double[] beta = new double[k];
        RealMatrix information = null;
        for (int iteration = 1; iteration <= MAX_ITERATIONS; iteration++) {
            double[][] h = new double[k][k];
            double[] g = new double[k];
            for (int i = 0; i < n; i++) {
                double[] row = row(x[i]);
                double p = Possum.logistic(dot(beta, row));
                double w = p * (1 - p);
                for (int a = 0; a < k; a++) {
                    g[a] += (y[i] - p) * row[a];
                    for (int b = 0; b < k; b++) {
                        h[a][b] += w * row[a] * row[b];
                    }
                }
            }
            information = new Array2DRowRealMatrix(h, false);
            RealVector step = new LUDecomposition(information).getSolver().solve(new ArrayRealVector(g, false));
            double change = 0;
            for (int a = 0; a < k; a++) {
                beta[a] += step.getEntry(a);
                change = Math.max(change, Math.abs(step.getEntry(a)));
            }
            if (change < 1e-10) {
                RealMatrix cov = new LUDecomposition(information).getSolver().getInverse();
                return new Fit(beta, cov.getData(), iteration);
            }
        }
        throw new IllegalArgumentException("the logistic fit did not converge in " + MAX_ITERATIONS
                + " iterations (the outcome may be separated perfectly by a predictor)");
    }

    /**
     * The cohort's outcomes against a model's risks: Brier score, calibration intercept and slope
     * (outcome regressed on the logit of the risk: 0 and 1 when calibrated) and AUC, with
     * percentile intervals from {@code resamples} bootstrap resamples (fixed seed).
     */
    public static Report assess(double[] risk, int[] y, int resamples) {
        int n = y.length;
        if (risk.length != n || n < 10) {
            throw new IllegalArgumentException("assessing a model needs a risk for each of at least 10 patients");
        }
        double[] point = measures(risk, y);
        double[][] boot = new double[4][resamples];
        MersenneTwister random = new MersenneTwister(17L);
        double[] r = new double[n];
        int[] o = new int[n];
        for (int b = 0; b < resamples; b++) {
            for (int i = 0; i < n; i++) {
                int j = random.nextInt(n);
                r[i] = risk[j];
                o[i] = y[j];
            }
            double[] m = measures(r, o);
            for (int q = 0; q < 4; q++) {
                boot[q][b] = m[q];
            }
        }
        Estimate[] e = new Estimate[4];
        for (int q = 0; q < 4; q++) {
            Arrays.sort(boot[q]);
            e[q] = new Estimate(point[q], boot[q][(int) (0.025 * (resamples - 1))],
                    boot[q][(int) Math.ceil(0.975 * (resamples - 1))]);
        }
        return new Report(n, e[0], e[1], e[2], e[3]);
    }

    /** The Brier score a calibrated model is expected to reach on these risks: the mean of p (1 - p). */
    public static double expectedBrier(double[] risk) {
        double s = 0;
        for (double p : risk) {
            s += p * (1 - p);
        }
        return s / risk.length;
    }

    /** Brier, calibration intercept, calibration slope, AUC. */
    private static double[] measures(double[] risk, int[] y) {
        int n = y.length;
        double brier = 0;
        double[][] logit = new double[n][1];
        for (int i = 0; i < n; i++) {
            double p = Math.min(1 - 1e-12, Math.max(1e-12, risk[i]));
            brier += (risk[i] - y[i]) * (risk[i] - y[i]);
            logit[i][0] = Math.log(p / (1 - p));
        }
        Fit f = fit(logit, y);
        return new double[] { brier / n, f.coefficients()[0], f.coefficients()[1], auc(risk, y) };
    }

    /** The area under the ROC curve: the chance a patient with the outcome has the higher risk (ties half). */
    static double auc(double[] risk, int[] y) {
        int n = y.length;
        Integer[] order = new Integer[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        Arrays.sort(order, (a, b) -> Double.compare(risk[a], risk[b]));
        double rankSum = 0;
        long positives = 0;
        for (int i = 0; i < n;) {
            int j = i;
            while (j + 1 < n && risk[order[j + 1]] == risk[order[i]]) {
                j++;
            }
            double rank = (i + j) / 2.0 + 1; // ties share their mean rank
            for (int t = i; t <= j; t++) {
                if (y[order[t]] == 1) {
                    rankSum += rank;
                    positives++;
                }
            }
            i = j + 1;
        }
        long negatives = n - positives;
        if (positives == 0 || negatives == 0) {
            return Double.NaN;
        }
        return (rankSum - positives * (positives + 1) / 2.0) / (positives * (double) negatives);
    }

    private static double[] row(double[] x) {
        double[] r = new double[x.length + 1];
        r[0] = 1;
        System.arraycopy(x, 0, r, 1, x.length);
        return r;
    }

    private static double dot(double[] a, double[] b) {
        double s = 0;
        for (int i = 0; i < a.length; i++) {
            s += a[i] * b[i];
        }
        return s;
    }
}
