package io.velaria.bench;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.SQLTimeoutException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Runs queries of one connection on a worker thread, reading every column of every row.
 * The timeout is enforced twice: {@link Statement#setQueryTimeout} for the driver, and a
 * watchdog (this thread) that calls {@link Statement#cancel} when the time is up and then
 * waits at most {@link #CANCEL_GRACE_SECONDS} more. A query that outlives that is STUCK: the
 * connection is still busy, so the executor refuses further queries.
 */
final class QueryExecutor implements AutoCloseable {
    static final int CANCEL_GRACE_SECONDS = 15;

    private final ExecutorService worker;
    private volatile boolean stuck;

    QueryExecutor(String name) {
        this.worker = Executors.newSingleThreadExecutor(runnable -> {
            Thread thread = new Thread(runnable, "bench-" + name);
            thread.setDaemon(true);
            return thread;
        });
    }

    boolean stuck() {
        return stuck;
    }

    Outcome run(Connection connection, String sql, int timeoutSeconds, boolean keepRows) {
        if (stuck) {
            return Outcome.failed(Outcome.Status.SKIPPED, "an earlier query ignored cancellation");
        }
        Statement statement;
        try {
            statement = connection.createStatement();
        } catch (SQLException e) {
            return Outcome.failed(Outcome.Status.ERROR, message(e));
        }
        try {
            try {
                statement.setQueryTimeout(timeoutSeconds);
            } catch (SQLException unsupported) {
                // the watchdog below still bounds the query
            }
            Future<Outcome> future = worker.submit(() -> execute(statement, sql, keepRows));
            return await(future, statement, timeoutSeconds);
        } finally {
            if (!stuck) {
                closeQuietly(statement);
            }
        }
    }

    private Outcome await(Future<Outcome> future, Statement statement, int timeoutSeconds) {
        try {
            return future.get(timeoutSeconds, TimeUnit.SECONDS);
        } catch (TimeoutException e) {
            return cancel(future, statement);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof SQLTimeoutException) {
                return Outcome.failed(Outcome.Status.TIMEOUT, message(cause));
            }
            return Outcome.failed(Outcome.Status.ERROR, message(cause));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Outcome.failed(Outcome.Status.ERROR, "interrupted");
        }
    }

    private Outcome cancel(Future<?> future, Statement statement) {
        try {
            statement.cancel();
        } catch (SQLException | RuntimeException ignored) {
            // waiting below decides
        }
        try {
            future.get(CANCEL_GRACE_SECONDS, TimeUnit.SECONDS);
        } catch (TimeoutException e) {
            stuck = true;
            return Outcome.failed(Outcome.Status.STUCK, "did not stop within " + CANCEL_GRACE_SECONDS
                    + " s of cancel");
        } catch (ExecutionException | RuntimeException e) {
            // cancelled as asked
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return Outcome.failed(Outcome.Status.TIMEOUT, "cancelled");
    }

    private static Outcome execute(Statement statement, String sql, boolean keepRows) throws SQLException {
        long start = System.nanoTime();
        List<List<Object>> rows = keepRows ? new ArrayList<>() : null;
        long count = 0;
        try (ResultSet resultSet = statement.executeQuery(sql)) {
            int columns = resultSet.getMetaData().getColumnCount();
            while (resultSet.next()) {
                count++;
                List<Object> row = keepRows ? new ArrayList<>(columns) : null;
                for (int i = 1; i <= columns; i++) {
                    Object value = resultSet.getObject(i);
                    if (keepRows) {
                        row.add(value);
                    }
                }
                if (keepRows) {
                    rows.add(row);
                }
            }
        }
        return Outcome.ok(System.nanoTime() - start, count, rows);
    }

    static String message(Throwable error) {
        String text = error.getMessage() == null ? error.getClass().getSimpleName() : error.getMessage();
        String firstLine = text.strip().split("\\R", 2)[0];
        return firstLine.length() > 300 ? firstLine.substring(0, 300) + "..." : firstLine;
    }

    private static void closeQuietly(Statement statement) {
        try {
            statement.close();
        } catch (SQLException | RuntimeException ignored) {
            // nothing to do
        }
    }

    @Override
    public void close() {
        worker.shutdownNow();
    }
}
