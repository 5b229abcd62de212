package org.authbench.report;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.authbench.runfiles.Estimate;

/**
 * Rank groups instead of ranks: schemes sorted by mean cost, and a scheme joins the group of the fastest scheme
 * not yet placed (the group's leader) when their intervals overlap or its mean is within {@link #MARGIN} of the
 * leader's. Inside a group the order is noise or a difference no reader should act on, so tables say "tied".
 * Comparing with the leader rather than the previous member keeps a chain of small steps from tying the fastest
 * scheme to the slowest.
 */
final class RankGroups {

    /** A practical margin: differences under 5% of the leader's cost are tied even when significant. */
    static final double MARGIN = 0.05;

    private final List<MeasuredScheme> ordered;
    private final Map<MeasuredScheme, Integer> group = new LinkedHashMap<>();
    private final List<Integer> sizes = new ArrayList<>();

    RankGroups(List<MeasuredScheme> schemes) {
        ordered = new ArrayList<>(schemes);
        ordered.sort(Comparator.comparingDouble(s -> s.ns().value()));
        MeasuredScheme leader = null;
        for (MeasuredScheme s : ordered) {
            if (leader == null || !tied(leader.ns(), s.ns())) {
                leader = s;
                sizes.add(0);
            }
            group.put(s, sizes.size());
            sizes.set(sizes.size() - 1, sizes.get(sizes.size() - 1) + 1);
        }
    }

    /**
     * True when {@code b} (slower or equal) is not practically and clearly slower than {@code a}. Without an interval on
     * both sides only the margin can tie them: a row with no interval is not tied to one 300× dearer.
     */
    static boolean tied(Estimate a, Estimate b) {
        Estimate lo = a.value() <= b.value() ? a : b;
        Estimate hi = lo == a ? b : a;
        boolean overlap = lo.hasInterval() && hi.hasInterval() && !lo.clearlyBelow(hi);
        return overlap || hi.value() - lo.value() < MARGIN * lo.value();
    }

    /** The schemes, fastest first. */
    List<MeasuredScheme> ordered() {
        return ordered;
    }

    /** 1 for the fastest group, 2 for the next, ... */
    int groupOf(MeasuredScheme s) {
        return group.get(s);
    }

    /** "1", or "1 (tied)" for a member of a group of several. */
    String label(MeasuredScheme s) {
        int g = groupOf(s);
        return sizes.get(g - 1) > 1 ? g + " (tied)" : String.valueOf(g);
    }

    /** The fastest group's members, fastest first. */
    List<MeasuredScheme> fastest() {
        return ordered.stream().filter(s -> groupOf(s) == 1).toList();
    }

    int groups() {
        return sizes.size();
    }

    /**
     * The true median of the schemes' means: the middle one, or the mean of the two middle ones (NaN when empty).
     */
    static double median(List<MeasuredScheme> schemes) {
        List<Double> v = schemes.stream().map(s -> s.ns().value()).sorted().toList();
        if (v.isEmpty()) {
            return Double.NaN;
        }
        int n = v.size();
        return n % 2 == 1 ? v.get(n / 2) : (v.get(n / 2 - 1) + v.get(n / 2)) / 2;
    }

    /**
     * "faster", "slower" or "tied": a change only when the whole interval of the ratio is beyond the margin; a ratio
     * without an interval (one fork) or refused says nothing.
     */
    static String verdict(Estimate ratio) {
        if (ratio.refused() || !ratio.hasInterval()) {
            return "no verdict";
        }
        if (ratio.high() < 1 - MARGIN) {
            return "faster";
        }
        if (ratio.low() > 1 + MARGIN) {
            return "slower";
        }
        return "tied";
    }
}
