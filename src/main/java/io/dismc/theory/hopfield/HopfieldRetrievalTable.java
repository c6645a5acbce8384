package io.dismc.theory.hopfield;

import io.dismc.params.Param;
import io.dismc.theory.TheoryTable;
import java.util.ArrayList;
import java.util.List;

/** {@code theory hopfield}: the AGS retrieval overlap m(alpha, T), 0 where no retrieval solution exists (docs/models.md 1.4). */
public final class HopfieldRetrievalTable extends TheoryTable {
    static final Param<Double> ALPHA = Param.real("alpha", "0.02:0.16:0.02", 0, false, 10, true, "load alpha = P/N");
    static final Param<Double> TEMPERATURE = Param.real("temperature", "0", 0, true, 10, true, "temperature T");

    public HopfieldRetrievalTable() {
        super("hopfield", "AGS replica-symmetric retrieval overlap of the standard Hopfield model", List.of(ALPHA, TEMPERATURE),
                List.of("alpha", "temperature", "m"));
    }

    @Override
    public List<List<Object>> rows(Values v) {
        List<List<Object>> out = new ArrayList<>();
        // the solver runs temperature-outer; the table lists alpha outermost, as its columns do
        List<RetrievalOverlap> rows = AgsTheory.overlapTable(v.get(ALPHA), v.get(TEMPERATURE));
        int nt = v.get(TEMPERATURE).size();
        int na = v.get(ALPHA).size();
        for (int a = 0; a < na; a++) {
            for (int t = 0; t < nt; t++) {
                RetrievalOverlap r = rows.get(t * na + a);
                out.add(List.of(r.alpha(), r.temperature(), r.m()));
            }
        }
        return out;
    }
}
