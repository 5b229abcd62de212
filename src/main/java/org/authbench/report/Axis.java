package org.authbench.report;

import java.util.Comparator;
import java.util.List;
import java.util.Objects;
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

    /** One scheme measured at several values of an axis: {@code perValue} aligned with its values (null where absent). */
    record Set(List<MeasuredScheme> perValue, String mode) {

        MeasuredScheme any() {
            return perValue.stream().filter(Objects::nonNull).findFirst().orElseThrow();
        }
    }
}
