import type { OpenApiDocument, Operation, Parameter, SchemaObject } from './openapi';

/**
 * Hostile requests generated from the OpenAPI description: wrong types, null, missing
 * required fields, huge/negative/20-digit numbers, NUL and control characters, lone
 * surrogates, overlong strings, odd dates, deep nesting, arrays for objects, unknown fields;
 * the same for query and path parameters. Deterministic for a seed, bounded per operation.
 */
export interface FuzzCase {
  method: string;
  /** Path with its parameters filled in, plus the query string. */
  url: string;
  /** The raw JSON text sent, if any. */
  body?: string;
  /** What was made hostile, for the failure report. */
  input: string;
}

/** A value written into the body as raw JSON text (literals JSON.stringify cannot make). */
class Raw {
  constructor(readonly text: string) {}
}
type Json = Raw | string | number | boolean | null | Json[] | { [key: string]: Json };

function toJson(value: Json): string {
  if (value instanceof Raw) return value.text;
  if (Array.isArray(value)) return `[${value.map(toJson).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    return `{${Object.entries(value)
      .map(([k, v]) => `${JSON.stringify(k)}:${toJson(v)}`)
      .join(',')}}`;
  }
  return JSON.stringify(value);
}

const DEPTH = 5_000;
const deepArray = new Raw('['.repeat(DEPTH) + ']'.repeat(DEPTH));
const deepObject = new Raw('{"a":'.repeat(DEPTH) + '1' + '}'.repeat(DEPTH));

export const ODD_DATES = [
  '2026-W10',
  '2026-02-30',
  '0000-01-01',
  '2024001',
  '9999-99-99',
  '2026-13-01',
  '1e400',
  '2026-1-1',
  '20260101',
  '2026-01-01T25:00:00Z',
  '2026-01-01T10:00:00',
  '+275760-09-13T00:00:00.001Z',
  '2026-01-01T10:00:00+24:00',
];
const HOSTILE_TEXT = ['a\u0000b', 'a\u0007b', 'a\ud800b', '\udc00', ''];
const HUGE_NUMBERS = [
  new Raw('1e400'),
  new Raw('99999999999999999999'),
  new Raw('-9007199254740993'),
  -1,
  1.5,
  2147483648,
];

/** A small seeded PRNG (mulberry32), so a failure can be replayed with the same seed. */
export function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const hash = (s: string): number => [...s].reduce((h, c) => (Math.imul(h, 31) + c.charCodeAt(0)) >>> 0, 7);

export class FuzzGenerator {
  constructor(
    private readonly doc: OpenApiDocument,
    /** Real ids for path parameters and uuid fields, by parameter name (and path). */
    private readonly idFor: (name: string, template: string) => string,
  ) {}

  resolve(schema: SchemaObject | undefined): SchemaObject {
    if (!schema) return {};
    if (schema.$ref) return this.resolve(this.doc.components.schemas[schema.$ref.split('/').pop()!]);
    if (schema.allOf) return Object.assign({}, ...schema.allOf.map((s) => this.resolve(s)), { allOf: undefined });
    return schema;
  }

  /** Every operation's hostile cases, grouped by what they attack (one group is picked at a time). */
  candidates(template: string, method: string, op: Operation): FuzzCase[][] {
    const params = op.parameters ?? [];
    const path = (overrides: Record<string, string> = {}): string =>
      template.replace(/\{([^}]+)\}/g, (_, name: string) => overrides[name] ?? this.idFor(name, template));
    const baseQuery: Record<string, string> = {};
    for (const p of params.filter((p) => p.in === 'query' && p.required)) baseQuery[p.name] = this.plausibleQuery(p);
    const qs = (q: Record<string, string>, extra = ''): string => {
      const parts = Object.entries(q).map(([k, v]) => `${k}=${v}`);
      if (extra) parts.push(extra);
      return parts.length ? `?${parts.join('&')}` : '';
    };
    const schema = op.requestBody?.content['application/json']?.schema;
    const base = schema ? (this.plausible(schema, '', template) as Record<string, Json>) : undefined;
    const bodyText = base === undefined ? undefined : toJson(base);
    const make = (input: string, url: string, body = bodyText): FuzzCase => ({ method, url, body, input });
    const groups: FuzzCase[][] = [];

    for (const p of params.filter((p) => p.in === 'path')) {
      groups.push(pathValues(p).map((v) => make(`path ${p.name}=${v}`, path({ [p.name]: v }) + qs(baseQuery))));
    }
    for (const p of params.filter((p) => p.in === 'query')) {
      const others = { ...baseQuery };
      delete others[p.name];
      const cases = queryValues(p).map((v) =>
        make(`query ${p.name}=${v.slice(0, 60)}`, path() + qs(others, `${p.name}=${v}`)),
      );
      if (p.required) cases.push(make(`query ${p.name} missing`, path() + qs(others)));
      groups.push(cases);
    }
    groups.push([make('query zzUnknown=1', path() + qs(baseQuery, 'zzUnknown=1'))]);

    const url = path() + qs(baseQuery);
    if (base !== undefined && schema) {
      const resolved = this.resolve(schema);
      for (const [name, prop] of Object.entries(resolved.properties ?? {})) {
        groups.push(
          this.fieldValues(prop, name).map(([label, v]) =>
            make(`body ${name}=${label}`, url, toJson({ ...base, [name]: v })),
          ),
        );
        // One level down: an object, or an array of objects, with one hostile nested field.
        const inner = this.resolve(prop.type === 'array' ? prop.items : prop);
        if (inner.properties) {
          const item = this.plausible(inner, name, template) as Record<string, Json>;
          const wrap = (v: Record<string, Json>): Json => (prop.type === 'array' ? [v] : v);
          groups.push(
            Object.entries(inner.properties).flatMap(([sub, subProp]) =>
              this.fieldValues(subProp, sub)
                .filter((_, i) => i % 2 === 0)
                .map(([label, v]) =>
                  make(`body ${name}.${sub}=${label}`, url, toJson({ ...base, [name]: wrap({ ...item, [sub]: v }) })),
                ),
            ),
          );
        }
      }
      const shapes: Array<[string, Json]> = [
        ['unknown field', { ...base, zzUnknown: 1 }],
        ['array for the object', [base]],
        ['null', null],
        ['a string', 'text'],
        ['1e400', new Raw('1e400')],
        ['__proto__', new Raw(`{"__proto__":{"isAdmin":true}${bodyText === '{}' ? '}' : `,${bodyText!.slice(1)}`}`)],
        ['constructor.prototype', { constructor: { prototype: { isAdmin: true } } }],
        ...(resolved.required ?? []).map((r): [string, Json] => {
          const rest = { ...base };
          delete rest[r];
          return [`${r} missing`, rest];
        }),
      ];
      groups.push(shapes.map(([label, v]) => make(`body ${label}`, url, toJson(v))));
    }
    if (method !== 'get') {
      groups.push([make('body nested 5000 deep (arrays)', url, toJson(deepArray))]);
      groups.push([make('body nested 5000 deep (objects)', url, toJson(deepObject))]);
    }
    return groups;
  }

  /** Picks `count` cases, one group at a time in a seeded order, so each kind of attack gets its turn. */
  pick(groups: FuzzCase[][], count: number, seed: number, key: string): FuzzCase[] {
    const next = random(seed ^ hash(key));
    const order = groups.filter((g) => g.length).sort(() => next() - 0.5);
    const picked: FuzzCase[] = [];
    for (let i = 0; picked.length < count && order.length; i++) {
      const group = order[i % order.length];
      const [c] = group.splice(Math.floor(next() * group.length), 1);
      picked.push(c);
      if (!group.length) order.splice(order.indexOf(group), 1);
    }
    return picked;
  }

  private fieldValues(prop: SchemaObject, name: string): Array<[string, Json]> {
    const schema = this.resolve(prop);
    const values: Array<[string, Json]> = [['null', null]];
    const type = schema.type ?? (schema.properties ? 'object' : undefined);
    values.push(['wrong type', type === 'string' ? 12345 : type === 'array' ? { a: 1 } : 'text']);
    if (type === 'object' || schema.properties) values.push(['array for an object', []]);
    for (const n of HUGE_NUMBERS) values.push([n instanceof Raw ? n.text : String(n), n]);
    for (const t of HOSTILE_TEXT) values.push([JSON.stringify(t), type === 'array' ? [t] : t]);
    values.push(['overlong string', 'x'.repeat(300_000)]);
    if (type === 'array') values.push(['10,000 items', Array.from({ length: 10_000 }, () => 'x')]);
    if (looksLikeDate(name, schema)) for (const d of ODD_DATES) values.push([d, d]);
    values.push(['nested 5000 deep', deepArray]);
    return values;
  }

  /** A value the schema would take, so a case attacks one field and not a missing neighbour. */
  private plausible(prop: SchemaObject | undefined, name: string, template: string): Json {
    const schema = this.resolve(prop);
    if (schema.enum) return schema.enum[0] as Json;
    if (schema.properties) {
      const out: Record<string, Json> = {};
      for (const r of schema.required ?? []) out[r] = this.plausible(schema.properties[r], r, template);
      return out;
    }
    if (schema.type === 'array') return [];
    if (schema.type === 'integer' || schema.type === 'number') return schema.minimum ?? 1;
    if (schema.type === 'boolean') return false;
    if (schema.format === 'uuid' || /Id$/.test(name)) return this.idFor(name, template);
    if (schema.format === 'date-time') return '2026-05-04T10:00:00Z';
    if (schema.format === 'date') return '2026-05-04';
    if (typeof schema.example === 'string') return schema.example;
    return `fuzz-${name}`.toLowerCase().slice(0, schema.maxLength ?? 40);
  }

  private plausibleQuery(p: Parameter): string {
    if (p.schema.enum) return String(p.schema.enum[0]);
    return p.name === 'q' ? 'hydrogen' : 'fuzz';
  }
}

const looksLikeDate = (name: string, schema: SchemaObject): boolean =>
  schema.format === 'date' || schema.format === 'date-time' || /(At|Date|^from|^to)$/.test(name);

const isNumeric = (p: Parameter): boolean =>
  p.schema.type === 'integer' || p.schema.type === 'number' || /^(version|a|b|limit|offset|\w+Seq)$/.test(p.name);

function pathValues(p: Parameter): string[] {
  if (isNumeric(p))
    return ['99999999999999999999', '12345678901', '2147483648', '-1', '0', '1.5', '1e400', '%00', 'abc'];
  return [
    'not-a-uuid',
    '%00',
    '99999999999999999999',
    '00000000-0000-0000-0000-000000000000',
    '%ED%A0%80',
    'x'.repeat(90),
  ];
}

function queryValues(p: Parameter): string[] {
  const values = ['%00', 'a%00b', 'a%07b', '%ED%A0%80', 'x'.repeat(5_000), '', `1&${p.name}=2`];
  if (isNumeric(p)) values.push('99999999999999999999', '-1', '1e400', '1.5', '0x10', '%201', 'NaN', '2147483648');
  if (looksLikeDate(p.name, p.schema)) values.push(...ODD_DATES.map(encodeURIComponent));
  if (p.schema.type === 'boolean') values.push('yes', '1', 'TRUE');
  if (p.schema.format === 'uuid') values.push('not-a-uuid', '00000000-0000-0000-0000-000000000000');
  if (p.schema.enum) values.push('zzz', 'PAGE');
  return values;
}
