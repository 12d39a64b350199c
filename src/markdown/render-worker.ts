import { parentPort } from 'node:worker_threads';
import { renderMarkdown } from './markdown';
import type { MentionTargets } from './mentions';
import type { WikiLinkTargets } from './wiki-links';

/** One job, as RenderPool sends it to a worker thread: sources rendered with the same links. */
export interface RenderRequest {
  id: number;
  sources: string[];
  wikiLinks?: WikiLinkTargets;
  mentions?: MentionTargets;
}

export type RenderReply = { id: number; html: string[] } | { id: number; error: string } | { ready: true };

// The worker entry: THE renderer, the same module the main thread uses for small sources.
parentPort?.on('message', (request: RenderRequest) => {
  let reply: RenderReply;
  try {
    const options = { wikiLinks: request.wikiLinks, mentions: request.mentions };
    reply = { id: request.id, html: request.sources.map((source) => renderMarkdown(source, options)) };
  } catch (e) {
    reply = { id: request.id, error: e instanceof Error ? e.message : String(e) };
  }
  parentPort!.postMessage(reply);
});
// Loaded: from now on a job's time limit counts rendering only, not the worker's start.
parentPort?.postMessage({ ready: true } satisfies RenderReply);
