package io.dismc.theory.perceptron;

import io.dismc.params.Param;
import io.dismc.theory.TheoryTable;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code theory geodesic}: the RS geometry of typical solutions of the negative spherical perceptron:
 * overlap q, geodesic-midpoint and simplex energies, convex-core and star-centre margins (docs/models.md 2.9).
 */
public final class GeodesicTable extends TheoryTable {
    static final Param<Double> ALPHA = Param.real("alpha", "0.5,1,1.5,2", 0, false, 100, true, "constraint density alpha = P/N");
    static final Param<Double> KAPPA = Param.real("kappa", "-0.5", -10, true, 0, false, "margin kappa < 0");

    public GeodesicTable() {
        super("geodesic", "negative-perceptron geometry of typical solutions (RS)", List.of(ALPHA, KAPPA), TheoryTables.GeodesicRow.COLUMNS);
    }

    @Override
    public List<List<Object>> rows(Values v) {
        List<List<Object>> out = new ArrayList<>();
        for (TheoryTables.GeodesicRow r : TheoryTables.geodesic(v.reals(ALPHA), v.reals(KAPPA))) {
            out.add(List.of(r.alpha(), r.kappa(), r.q(), r.midpointEnergy(), r.simplexEnergy(), r.kappaConvex(), r.kappaStar()));
        }
        return out;
    }
}
