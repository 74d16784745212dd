package io.velaria.bench;

import java.util.List;

/**
 * One engine on one query: the warm-up outcome (whose rows are compared), the timed runs in ms,
 * and the disagreement with the reference engine if any. It counts in a geomean only if every
 * run succeeded and the result agreed.
 */
record Measurement(Outcome warmUp, Outcome failedRun, List<Double> runMillis, String wrong) {
    boolean usable() {
        return warmUp.ok() && failedRun == null && wrong == null && !runMillis.isEmpty();
    }

    double medianMillis() {
        return Stats.median(runMillis);
    }

    Measurement withWrong(String difference) {
        return new Measurement(warmUp, failedRun, runMillis, difference);
    }

    /** Table cell: median ms, or what went wrong. */
    String cell() {
        if (!warmUp.ok()) {
            switch (warmUp.status()) {
                case ERROR: return "error";
                case SKIPPED: return "skipped";
                default: return warmUp.describe();
            }
        }
        if (failedRun != null) {
            return failedRun.status() == Outcome.Status.ERROR ? "error" : failedRun.describe();
        }
        String time = runMillis.isEmpty() ? "-" : String.format(java.util.Locale.ROOT, "%.1f", medianMillis());
        return wrong == null ? time : time + " WRONG";
    }

    /** Why this measurement is not usable, or null. */
    String problem() {
        if (!warmUp.ok()) {
            return warmUp.describe();
        }
        if (failedRun != null) {
            return "timed run: " + failedRun.describe();
        }
        return wrong == null ? null : "wrong result: " + wrong;
    }
}
