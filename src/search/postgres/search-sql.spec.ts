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
    expect(params).toEqual(expect.arrayContaining([hostile, ['g1'], [`page'`], [`t"`], 'a', `'users':*`]));
  });

  it('always filters by the readable groups and excludes tombstones', () => {
    const { sql } = buildSearchSql({ q: 'x', filter: { groupIds: [] }, limit: 1, offset: 0 });
    expect(sql).toContain('NOT e.deleted');
    expect(sql).toMatch(/e\.group_id = ANY\(\$\d+::uuid\[\]\)/);
  });
});
