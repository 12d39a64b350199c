import en from './en';
import es from './es';
import eu from './eu';

/** Every key path of a nested string table, e.g. `channel.send`. */
function paths(o: object, prefix = ''): string[] {
  return Object.entries(o).flatMap(([k, v]) =>
    typeof v === 'object' && v ? paths(v, `${prefix}${k}.`) : [`${prefix}${k}`],
  );
}

function values(o: object): string[] {
  return Object.values(o).flatMap((v) => (typeof v === 'object' && v ? values(v) : [String(v)]));
}

describe('UI strings', () => {
  it.each([
    ['es', es],
    ['eu', eu],
  ])('%s has exactly the English keys, none left empty', (_name, table) => {
    expect(paths(table).sort()).toEqual(paths(en).sort());
    expect(values(table).filter((v) => v.trim() === '')).toEqual([]);
  });

  it.each([
    ['es', es],
    ['eu', eu],
  ])('%s keeps every {{placeholder}} of the English string', (_name, table) => {
    const enPaths = paths(en);
    const get = (o: object, p: string) =>
      p.split('.').reduce<unknown>((x, k) => (x as Record<string, unknown>)[k], o) as string;
    const placeholders = (s: string) => (s.match(/{{\w+}}/g) ?? []).sort();
    const mismatched = enPaths.filter((p) => placeholders(get(en, p)).join() !== placeholders(get(table, p)).join());
    expect(mismatched).toEqual([]);
  });
});
