package org.authbench.report;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * A dimension the run's schemes vary along, with everything else held equal: the JVM, the JCA provider (later
 * the library version or the machine).
 *
 * @param values   the axis's values in the run, in table order
 * @param valueOf  a scheme's value on the axis
 * @param identity what must match, apart from the axis, for two schemes to be compared
 * @param include  the schemes the comparison covers
 * @param order    the order of the compared sets, or null for the order the run holds them in
 */
record Axis(List<String> values, Function<MeasuredScheme, String> valueOf, Function<MeasuredScheme, String> identity,
        Predicate<MeasuredScheme> include, Comparator<Axis.Set> order) {

    /** Every scheme measured on the run's JVMs. */
    static Axis jvms(Analysis a) {
        return new Axis(a.jvms(), MeasuredScheme::jvm, s -> s.method() + "|" + new TreeMap<>(s.params()) + "|" + s.threads(),
                s -> true, null);
    }

    /** Verifications and JWS floors on the run's JCA providers, per JVM; HS256, RS256, ES256 first, floors last. */
    static Axis providers(Analysis a) {
        Function<MeasuredScheme, String> identity = s -> {
            Map<String, String> rest = new TreeMap<>(s.params());
            rest.remove("provider");
            return s.jvm() + "|" + s.method() + "|" + rest + "|" + s.threads();
        };
        Comparator<Set> order = Comparator.comparingInt((Set set) -> algOrder(set.any()))
                .thenComparing(set -> set.any().method().equals(Analysis.FLOOR_JWS));
        return new Axis(a.providers(), MeasuredScheme::provider, identity,
                s -> s.method().equals(Analysis.VERIFY) || s.method().equals(Analysis.FLOOR_JWS), order);
    }

    /** Of {@code schemes}, those present at two or more values of this axis, each compared in the first mode all measured. */
    List<Set> across(List<MeasuredScheme> schemes) {
        if (values.size() < 2) {
            return List.of();
        }
        Map<String, MeasuredScheme[]> byIdentity = new LinkedHashMap<>();
        for (MeasuredScheme s : schemes) {
            if (include.test(s)) {
                byIdentity.computeIfAbsent(identity.apply(s), k -> new MeasuredScheme[values.size()])[values
                        .indexOf(valueOf.apply(s))] = s;
            }
        }
        List<Set> out = new ArrayList<>();
        for (MeasuredScheme[] set : byIdentity.values()) {
            List<MeasuredScheme> present = Arrays.stream(set).filter(Objects::nonNull).toList();
            if (present.size() < 2) {
                continue;
            }
            for (String m : Analysis.MODE_ORDER) {
                if (present.stream().allMatch(s -> s.byMode().containsKey(m))) {
                    out.add(new Set(Arrays.asList(set), m));
                    break;
                }
            }
        }
        if (order != null) {
            out.sort(order);
        }
        return out;
    }

    private static int algOrder(MeasuredScheme s) {
        int i = List.of("HS256", "RS256", "ES256").indexOf(s.param("alg"));
        return i < 0 ? 3 : i;
    }

    /** One scheme measured at several values of an axis: {@code perValue} aligned with its values (null where absent). */
    record Set(List<MeasuredScheme> perValue, String mode) {

        MeasuredScheme any() {
            return perValue.stream().filter(Objects::nonNull).findFirst().orElseThrow();
        }
    }
}
