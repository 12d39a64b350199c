import { Injectable, Logger } from '@nestjs/common';
import { Actor, isAdmin } from '../auth/actor';
import { AppError, forbidden, invalid } from '../common/errors';
import { GroupsPolicy } from '../groups/groups.policy';
import { SearchQueryDto } from './dto/search-query.dto';
import { currentOnly } from './current-hits';
import { reindex, ReindexProgress } from './reindexer';
import { SearchEngine, SearchQuery, SearchResult } from './search-engine';
import { SearchSources } from './search-sources';

const EMPTY: SearchResult = { hits: [], total: 0, facets: { kind: {}, tag: {}, groupId: {} } };

@Injectable()
export class SearchService {
  private readonly logger = new Logger('search');
  private job: { progress: ReindexProgress; error: string | null } | null = null;

  constructor(
    private readonly engine: SearchEngine,
    private readonly policy: GroupsPolicy,
    private readonly sources: SearchSources,
  ) {}

  /** The filter is always built here, from the session: never from what the client claims. */
  async search(actor: Actor, dto: SearchQueryDto): Promise<SearchResult> {
    let groupIds = await this.policy.readableGroupIds(actor);
    if (dto.groupId) {
      await this.policy.require(actor, dto.groupId, 'read'); // 404 for a group you cannot see
      groupIds = [dto.groupId];
    }
    const from = dto.from ? new Date(dto.from) : undefined;
    const to = dto.to ? new Date(dto.to) : undefined;
    if (from && to && from > to) throw invalid('from', 'must not be after to');
    if (groupIds.length === 0) return EMPTY;
    const query: SearchQuery = {
      q: dto.q,
      filter: {
        groupIds,
        kinds: dto.kind ? [dto.kind] : undefined,
        tags: dto.tag ? [dto.tag] : undefined,
        authorId: dto.author,
        organisationId: dto.organisationId,
        from,
        to,
      },
      limit: dto.limit ?? 20,
      offset: dto.offset ?? 0,
      mode: dto.mode ?? 'full',
    };
    let result: SearchResult;
    try {
      result = await this.engine.search(query);
    } catch (e) {
      this.logger.error({ err: (e as Error).message, engine: this.engine.name }, 'search failed');
      throw new AppError('unavailable', 'Search is unavailable right now; try again in a moment');
    }
    // The engine filtered on the groups the index holds; access is decided on where each hit is now.
    return currentOnly(this.sources, result, groupIds);
  }

  /** Starts an online rebuild in this process (admins); progress via reindexStatus. */
  startReindex(actor: Actor): ReindexProgress {
    if (!isAdmin(actor)) throw forbidden('Only admins rebuild the search index');
    if (this.job && !this.job.progress.finished && !this.job.error) return this.job.progress;
    const start: ReindexProgress = { done: 0, total: 0, perSecond: 0, secondsLeft: null, finished: false };
    const job = { progress: start, error: null as string | null };
    this.job = job;
    void reindex(this.engine, this.sources, (p) => (job.progress = p)).catch((e: Error) => {
      job.error = e.message;
      this.logger.error({ err: e.message }, 'reindex failed');
    });
    return job.progress;
  }

  reindexStatus(actor: Actor): { progress: ReindexProgress | null; error: string | null } {
    if (!isAdmin(actor)) throw forbidden('Only admins rebuild the search index');
    return { progress: this.job?.progress ?? null, error: this.job?.error ?? null };
  }
}
