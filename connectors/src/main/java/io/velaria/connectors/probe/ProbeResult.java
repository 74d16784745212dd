package io.velaria.connectors.probe;

import io.velaria.engine.catalog.ColumnDef;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * What probing a file found.
 *
 * @param path the file probed (the first file of a directory or glob)
 * @param kind what the bytes are: parquet, arrow, xlsx, zip, json, text, binary or empty
 * @param format the chosen format, a connector name for {@code USING}, or null when none fits
 * @param options OPTIONS the chosen format needs besides {@code path} (e.g. a delimiter)
 * @param score the chosen candidate's score, 0..100
 * @param confidence HIGH (score >= 90 and >= 15 ahead of the next), MEDIUM (>= 65 and >= 8
 *     ahead) or LOW
 * @param candidates every format considered, best first
 * @param warnings why the pick may be wrong (close scores, low confidence, a failed schema)
 * @param schema the columns the chosen format infers (empty if it could not open the file)
 */
public record ProbeResult(Path path, String kind, String format, Map<String, String> options,
    int score, Confidence confidence, List<Candidate> candidates, List<String> warnings,
    List<ColumnDef> schema) {

  public enum Confidence { HIGH, MEDIUM, LOW }

  /** One format considered, with its score and the evidence for it. */
  public record Candidate(String format, Map<String, String> options, int score,
      String reason) {
    /** The format with its options, e.g. {@code csv(delimiter='|')}. */
    public String label() {
      if (options.isEmpty()) {
        return format;
      }
      StringBuilder sb = new StringBuilder(format).append('(');
      options.forEach((k, v) -> sb.append(sb.charAt(sb.length() - 1) == '(' ? "" : ", ")
          .append(k).append("='").append(v.equals("\t") ? "\\t" : v).append('\''));
      return sb.append(')').toString();
    }
  }

  /** A one-paragraph explanation of the pick, for messages and the CLI. */
  public String explain() {
    StringBuilder sb = new StringBuilder();
    sb.append(path).append(": ").append(kind);
    if (format == null) {
      sb.append(", no format fits");
    } else {
      sb.append(", chose ").append(candidates.isEmpty() ? format : candidates.get(0).label())
          .append(" (score ").append(score).append(", confidence ")
          .append(confidence.name().toLowerCase()).append(')');
    }
    if (!candidates.isEmpty()) {
      sb.append("; candidates:");
      for (Candidate c : candidates) {
        sb.append(' ').append(c.label()).append('=').append(c.score());
      }
    }
    for (String w : warnings) {
      sb.append("; ").append(w);
    }
    return sb.toString();
  }
}
