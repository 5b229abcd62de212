package org.authbench.regress;

/** What the gate concludes about one row, in the order the summary lists them. */
public enum GateVerdict {
    /** Significant, and the whole interval is worse than the threshold. */
    REGRESSION("regression"),
    /** A worsening beyond the threshold cannot be ruled out, nor shown: too few samples or too noisy. */
    INCONCLUSIVE("inconclusive"),
    /** Significant, and the whole interval is better than the threshold. */
    IMPROVEMENT("improvement"),
    /** No worsening beyond the threshold, and no improvement beyond it shown. */
    NO_CHANGE("no change");

    private final String label;

    GateVerdict(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
