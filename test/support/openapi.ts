import Ajv, { ValidateFunction } from 'ajv';
import addFormats from 'ajv-formats';

/** The parts of an OpenAPI 3.0 document the tests read. */
export interface SchemaObject {
  type?: string;
  format?: string;
  nullable?: boolean;
  enum?: unknown[];
  example?: unknown;
  minimum?: number;
  maximum?: number;
  minLength?: number;
  maxLength?: number;
  pattern?: string;
  items?: SchemaObject;
  properties?: Record<string, SchemaObject>;
  required?: string[];
  allOf?: SchemaObject[];
  $ref?: string;
}
export interface Parameter {
  name: string;
  in: 'query' | 'path' | 'header' | 'cookie';
  required?: boolean;
  schema: SchemaObject;
}
export interface Operation {
  operationId?: string;
  parameters?: Parameter[];
  requestBody?: { content: Record<string, { schema: SchemaObject }> };
}
export interface OpenApiDocument {
  paths: Record<string, Record<string, Operation>>;
  components: { schemas: Record<string, SchemaObject> };
}

interface Route {
  template: string;
  pattern: RegExp;
  operations: Record<string, Operation>;
}

/**
 * What the OpenAPI description promises about request bodies, compiled once per server.
 * `refusal` says why the described schema would refuse a body (null when it accepts it).
 */
export class Contract {
  private readonly ajv = new Ajv({ strict: false, allErrors: true });
  private readonly routes: Route[];
  private readonly validators = new Map<string, ValidateFunction | null>();

  constructor(readonly doc: OpenApiDocument) {
    addFormats(this.ajv);
    this.ajv.addFormat('binary', true);
    // Component schemas refer to each other as "#/components/schemas/X": keep them in one root.
    this.ajv.addSchema({ components: doc.components }, 'openapi');
    this.routes = Object.entries(doc.paths).map(([template, operations]) => ({
      template,
      pattern: new RegExp(`^${template.replace(/\{[^}]+\}/g, '[^/]+')}$`),
      operations,
    }));
  }

  /** The described route a request path belongs to (literal segments win over parameters). */
  route(path: string): Route | undefined {
    const bare = path.split('?')[0];
    const matches = this.routes.filter((r) => r.pattern.test(bare));
    return matches.sort((a, b) => literalCount(b.template) - literalCount(a.template))[0];
  }

  refusal(method: string, path: string, body: unknown): { route: string; errors: string } | null {
    const route = this.route(path);
    const operation = route?.operations[method.toLowerCase()];
    if (!route || !operation) return null;
    const key = `${method} ${route.template}`;
    if (!this.validators.has(key)) {
      const schema = operation.requestBody?.content['application/json']?.schema;
      this.validators.set(key, schema ? this.ajv.compile(rooted(schema)) : null);
    }
    const validate = this.validators.get(key);
    if (!validate || validate(body)) return null;
    return { route: key, errors: this.ajv.errorsText(validate.errors, { dataVar: 'body' }) };
  }
}

const literalCount = (template: string): number => template.split('/').filter((s) => !s.startsWith('{')).length;

/** Rewrites "#/components/…" references so they resolve inside the "openapi" root. */
function rooted(schema: SchemaObject): object {
  return JSON.parse(JSON.stringify(schema).replace(/"#\/components\//g, '"openapi#/components/')) as object;
}

const contracts = new Map<string, Promise<Contract | null>>();

/** The server's own description, fetched once per server (null if it serves none, e.g. it failed to start). */
export function contractOf(baseUrl: string): Promise<Contract | null> {
  let contract = contracts.get(baseUrl);
  if (!contract) {
    contract = fetch(`${baseUrl}/api/docs/openapi.json`)
      .then(async (res) => (res.ok ? new Contract((await res.json()) as OpenApiDocument) : null))
      .catch(() => null);
    contracts.set(baseUrl, contract);
    // A failed fetch is not remembered: a restarted server on the same port may serve it.
    void contract.then((c) => c ?? contracts.delete(baseUrl));
  }
  return contract;
}
