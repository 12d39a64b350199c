import { buildSearchSql, queryWords } from './search-sql';

describe('Postgres search SQL', () => {
  it('keeps only letters and digits of the query for the prefix lexeme, accent-folded', () => {
    expect(queryWords(`Hidrógeno' verde:* & | !`)).toEqual(['hidrogeno', 'verde']);
    expect(queryWords(`'); DROP TABLE users; --`)).toEqual(['drop', 'table', 'users']);
  });

  it('passes every user value as a parameter, never inside the SQL text', () => {
    const hostile = `x'); DELETE FROM users; --`;
    const { sql, params } = buildSearchSql({
      q: hostile,
      filter: { groupIds: ['g1'], kinds: [`page'`], tags: [`t"`], authorId: 'a', from: new Date(0) },
      limit: 10,
      offset: 0,
    });
    expect(sql).not.toContain('DELETE');
    expect(sql).not.toContain(`page'`);
    expect(params).toEqual(expect.arrayContaining([hostile, ['g1'], [`page'`], [`t"`], 'a']));
    for (const mode of ['full', 'prefix'] as const) {
      const plain = buildSearchSql({
        q: `x'); DELETE FROM users;`,
        filter: { groupIds: ['g1'] },
        limit: 10,
        offset: 0,
        mode,
      });
      expect(plain.sql).not.toContain('DELETE');
      expect(plain.params).toEqual(expect.arrayContaining([`'users':*`]));
    }
  });

  it('keeps looser tiers out of queries whose quotes or negations an OR would undo', () => {
    const tiers = (q: string): string[] =>
      buildSearchSql({ q, filter: { groupIds: ['g1'] }, limit: 10, offset: 0 }).sql.match(
        /\bt\d(?= AS MATERIALIZED)/g,
      ) ?? [];
    expect(tiers('battery recycling')).toEqual(['t0', 't1', 't2', 't3']);
    expect(tiers('battery')).toEqual(['t0', 't1', 't3']);
    expect(tiers('battery -lithium')).toEqual(['t0']);
    expect(tiers('"battery recycling"')).toEqual(['t0']);
    expect(tiers('libgtk-3 headers')).toEqual(['t0', 't1', 't2', 't3']);
  });

  it('as you type: the prefix tier from a bounded probe, and trigrams only for a longer query', () => {
    const build = (q: string): string =>
      buildSearchSql({ q, filter: { groupIds: ['g1'] }, limit: 10, offset: 0, mode: 'prefix' }).sql;
    expect(build('hydro')).toMatch(/TABLESAMPLE SYSTEM \(.+\) REPEATABLE \(0\)/);
    expect(build('hydro')).toContain('t3 AS MATERIALIZED');
    expect(build('hyd')).not.toContain('t3 AS MATERIALIZED');
    expect(build('hyd')).not.toContain('auzolan_en');
  });

  it('always filters by the readable groups and excludes tombstones', () => {
    const { sql } = buildSearchSql({ q: 'x', filter: { groupIds: [] }, limit: 1, offset: 0 });
    expect(sql).toContain('NOT e.deleted');
    expect(sql).toMatch(/e\.group_id = ANY\(\$\d+::uuid\[\]\)/);
  });
});
