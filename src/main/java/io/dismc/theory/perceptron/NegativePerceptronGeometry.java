package io.dismc.theory.perceptron;

/**
 * One point (alpha, kappa) of the RS geometry of the spherical perceptron's solution space
 * (docs/models.md, section perceptron theory, geometry): the typical overlap, the energy at the
 * midpoint of the geodesic between two typical solutions, the mean energy of the uniform simplex of three
 * ({@link TypicalSimplex#uniformMean}), the convex-core margin and the star-centre margin
 * ({@link StarGeometry}). Energies are 0 for kappa &gt;= 0 (the space is convex, so the two margins are
 * NaN there); everything but (alpha, kappa) is NaN outside the SAT phase (alpha &gt;= alpha_c(kappa)).
 */
public record NegativePerceptronGeometry(double alpha, double kappa, double q, double midpointEnergy, double simplexEnergy,
                                         double kappaConvex, double kappaStar) {

    public static NegativePerceptronGeometry at(double alpha, double kappa) {
        double q = SphericalGardner.typicalOverlap(alpha, kappa);
        if (Double.isNaN(q)) {
            return new NegativePerceptronGeometry(alpha, kappa, q, Double.NaN, Double.NaN, Double.NaN, Double.NaN);
        }
        return new NegativePerceptronGeometry(alpha, kappa, q, TypicalGeodesic.midpoint(q, kappa),
                TypicalSimplex.uniformMean(q, kappa), StarGeometry.convexMargin(alpha, kappa), StarGeometry.starMargin(alpha, kappa));
    }
}
