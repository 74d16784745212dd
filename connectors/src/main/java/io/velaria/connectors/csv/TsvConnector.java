package io.velaria.connectors.csv;

/** {@code USING tsv}: the CSV reader and writer with a tab as the default delimiter. */
public final class TsvConnector extends CsvConnector {
  public TsvConnector() {
    super("tsv", '\t', CsvScanner.DEFAULT_MAX_RECORD_BYTES);
  }
}
