package io.velaria.bench;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Runs queries once on a candidate and a reference engine and says where the candidate goes wrong. */
public final class Correctness {
    private Correctness() {}

    /**
     * For each query whose candidate run failed, timed out or disagreed with the reference,
     * an entry query name -> problem; an empty map when everything agreed.
     */
    public static Map<String, String> problems(Engine reference, Engine candidate, List<BenchQuery> queries,
                                               int timeoutSeconds) {
        Map<String, String> problems = new LinkedHashMap<>();
        for (BenchQuery query : queries) {
            Outcome expected = reference.run(query, timeoutSeconds, true);
            Outcome actual = candidate.run(query, timeoutSeconds, true);
            if (!expected.ok()) {
                problems.put(query.name(), reference.kind().label() + " (reference) " + expected.describe());
            } else if (!actual.ok()) {
                problems.put(query.name(), actual.describe());
            } else {
                String difference = ResultComparator.difference(expected.rows(), actual.rows(), query.ordered());
                if (difference != null) {
                    problems.put(query.name(), "wrong result: " + difference);
                }
            }
        }
        return problems;
    }
}
