import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { Client } from 'pg';
import type { Group, Person, World } from '../factories';
import type { Reply } from './http';

/** Helpers for the knowledge-store suites: documents, uploads, and reading the database. */
export interface Doc {
  id: string;
  groupId: string;
  kind: string;
  status: string;
  title: string;
  body: string;
  bodyHtml: string;
  tags: string[];
  version: number;
  decisionsHtml?: string[];
  actionItems?: Array<{ id: string; description: string; status: string; owner: { type: string; id: string } }>;
  warnings?: Array<{ code: string; document: { id: string; url: string } }>;
  [key: string]: unknown;
}

export async function createDoc(person: Person, group: Group, fields: Record<string, unknown>): Promise<Doc> {
  const res = await person.api.post<Doc>(`/api/groups/${group.id}/documents`, { kind: 'page', ...fields });
  if (res.status !== 201) throw new Error(`createDoc: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body;
}

/** Uploads bytes as multipart/form-data, the way a browser form would. */
export async function upload(
  person: Person,
  baseUrl: string,
  groupId: string,
  fileName: string,
  bytes: Buffer,
  claimedType = 'application/octet-stream',
): Promise<Reply<{ id: string; contentType: string; fileName: string; downloadUrl: string }>> {
  const form = new FormData();
  form.append('file', new Blob([bytes], { type: claimedType }), fileName);
  const res = await fetch(`${baseUrl}/api/groups/${groupId}/files`, {
    method: 'POST',
    headers: { authorization: `Bearer ${person.token}` },
    body: form,
  });
  const text = await res.text();
  let body: unknown = text;
  try {
    body = JSON.parse(text);
  } catch {
    // keep text
  }
  return { status: res.status, body: body as never, headers: res.headers };
}

export const PDF = Buffer.from('%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n');

/**
 * Directory for uploaded files in server mode (embedded mode already has a fresh DATA_DIR),
 * so tests never write into the working tree.
 */
export function filesEnv(): Record<string, string> {
  return process.env.DATABASE_URL ? { DATA_DIR: mkdtempSync(join(tmpdir(), 'auzolan-files-')) } : {};
}

type Row = Record<string, unknown>;

/**
 * Runs SQL against the suite's database, to check what the API cannot show (the search
 * outbox). Embedded PGlite can be opened by one process only, so the server is stopped
 * around the queries and started again.
 */
export async function withDatabase<T>(
  world: World,
  work: (query: (sql: string, params?: unknown[]) => Promise<Row[]>) => Promise<T>,
): Promise<T> {
  const url = world.db.env.DATABASE_URL;
  if (url) {
    const client = new Client({ connectionString: url });
    await client.connect();
    try {
      return await work(async (sql, params) => (await client.query(sql, params)).rows as Row[]);
    } finally {
      await client.end();
    }
  }
  let result: T | undefined;
  await world.restart(async () => {
    const shell = spawn(process.execPath, [join(__dirname, 'pglite-shell.cjs'), world.db.env.DATA_DIR], {
      stdio: ['pipe', 'pipe', 'inherit'],
    });
    const lines = createInterface({ input: shell.stdout! })[Symbol.asyncIterator]();
    const next = async (): Promise<{ ready?: boolean; rows?: Row[]; error?: string }> => {
      const { value, done } = await lines.next();
      if (done) throw new Error('the PGlite shell exited');
      return JSON.parse(value as string) as { rows?: Row[]; error?: string };
    };
    try {
      await next();
      result = await work(async (sql, params) => {
        shell.stdin!.write(JSON.stringify({ sql, params }) + '\n');
        const answer = await next();
        if (answer.error) throw new Error(answer.error);
        return answer.rows!;
      });
    } finally {
      shell.stdin!.end();
      await new Promise((resolve) => shell.once('exit', resolve));
    }
  });
  return result as T;
}

/**
 * The socket gateway is issue 3's; until it is merged the realtime half of the publishing
 * test cannot run. It is detected from the build, so the test turns itself on once it lands.
 */
export function socketGatewayBuilt(): boolean {
  const dir = join(__dirname, '..', '..', 'dist', 'src');
  if (!existsSync(dir)) return false;
  const walk = (d: string): boolean =>
    readdirSync(d, { withFileTypes: true }).some((e) =>
      e.isDirectory() ? walk(join(d, e.name)) : /\.gateway\.js$/.test(e.name),
    );
  return walk(dir);
}

/**
 * Builds the multipart body by hand, so a file name reaches the server byte for byte
 * (FormData would percent-encode control characters and quotes).
 */
export async function uploadRaw(
  person: Person,
  baseUrl: string,
  groupId: string,
  rawFileName: string,
  bytes: Buffer,
): Promise<{ status: number; body: { error?: { code: string; message: string } } }> {
  const boundary = '----auzolan' + Math.random().toString(16).slice(2);
  const body = Buffer.concat([
    Buffer.from(
      `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${rawFileName}"\r\n` +
        'Content-Type: application/pdf\r\n\r\n',
      'utf8',
    ),
    bytes,
    Buffer.from(`\r\n--${boundary}--\r\n`),
  ]);
  const res = await fetch(`${baseUrl}/api/groups/${groupId}/files`, {
    method: 'POST',
    headers: { authorization: `Bearer ${person.token}`, 'content-type': `multipart/form-data; boundary=${boundary}` },
    body,
  });
  const text = await res.text();
  try {
    return { status: res.status, body: JSON.parse(text) as never };
  } catch {
    return { status: res.status, body: {} };
  }
}
