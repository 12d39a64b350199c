import type { FastifyReply } from 'fastify';

/** Sends a CSV built by `buildCsv` as a UTF-8 download. */
export async function sendCsv(reply: FastifyReply, fileName: string, csv: string): Promise<void> {
  const safe = fileName.replace(/[^A-Za-z0-9._-]+/g, '-');
  await reply
    .header('content-type', 'text/csv; charset=utf-8')
    .header('content-disposition', `attachment; filename="${safe}"`)
    .header('x-content-type-options', 'nosniff')
    .header('cache-control', 'private, no-store')
    .send(Buffer.from(csv, 'utf8'));
}
