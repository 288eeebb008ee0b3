package org.twinprint.prediction.core;

/** Body surface area (m²) from height (cm) and weight (kg); which formula is the user's choice. */
public enum BodySurfaceArea {

    /** Mosteller RD, N Engl J Med 1987;317:1098: sqrt(height × weight / 3600). */
    MOSTELLER {
        @Override
        public double squareMetres(double heightCm, double weightKg) {
            check(heightCm, weightKg);
            return Math.sqrt(heightCm * weightKg / 3600);
        }
    },
    /** Du Bois D, Du Bois EF, Arch Intern Med 1916;17:863: 0.007184 × weight^0.425 × height^0.725. */
    DUBOIS {
        @Override
        public double squareMetres(double heightCm, double weightKg) {
            check(heightCm, weightKg);
            return 0.007184 * Math.pow(weightKg, 0.425) * Math.pow(heightCm, 0.725);
        }
    };

    public abstract double squareMetres(double heightCm, double weightKg);

    private static void check(double heightCm, double weightKg) {
        if (!(heightCm >= 40 && heightCm <= 250) || !(weightKg >= 2 && weightKg <= 400)) {
            throw new IllegalArgumentException("height " + heightCm + " cm and weight " + weightKg
                    + " kg are not those of a patient (40-250 cm, 2-400 kg)");
        }
    }
}
