package io.velaria.engine.sql.calcite;

import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.core.Project;
import org.apache.calcite.rel.core.TableModify;
import org.apache.calcite.rel.core.Union;
import org.apache.calcite.rel.core.Values;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.rex.RexOver;
import org.apache.calcite.rex.RexUtil;

/**
 * Recognizes plans that only produce rows written in the statement: {@code VALUES}, possibly
 * as Calcite converts a multi-row {@code VALUES} with casts (a {@code UNION ALL} of one
 * projection of constants per row), under an {@code INSERT}. Such plans read no table and
 * have nothing for the optimizer to do.
 */
final class ConstantRows {
  private ConstantRows() {}

  static boolean only(RelNode rel) {
    if (rel instanceof TableModify) {
      return rows(((TableModify) rel).getInput());
    }
    return false;
  }

  private static boolean rows(RelNode rel) {
    if (rel instanceof Values) {
      return true;
    }
    if (rel instanceof Union) {
      if (!((Union) rel).all) {
        return false;
      }
      for (RelNode in : rel.getInputs()) {
        if (!rows(in)) {
          return false;
        }
      }
      return true;
    }
    if (rel instanceof Project) {
      Project p = (Project) rel;
      for (RexNode e : p.getProjects()) {
        if (RexOver.containsOver(e) || RexUtil.SubQueryFinder.find(e) != null) {
          return false;
        }
      }
      return rows(p.getInput());
    }
    return false;
  }
}
