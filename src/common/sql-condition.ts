/**
 * A WHERE condition with its named parameters, as the rule files hand them to a TypeORM
 * query builder: `qb.andWhere(c.sql, c.params)`. Parameter names are unique per rule, so
 * several conditions can share one query.
 */
export interface SqlCondition {
  sql: string;
  params: Record<string, unknown>;
}
