package io.velaria.engine.session;

import io.velaria.engine.type.DataType;
import java.util.List;

/**
 * What preparing a statement tells the driver before it runs.
 *
 * @param parameterTypes the type of each {@code ?}, in order
 * @param columns the result columns of a query; empty for other statements
 * @param isQuery whether the statement returns rows
 */
public record PreparedInfo(List<DataType> parameterTypes, List<ResultColumn> columns,
    boolean isQuery) {}
