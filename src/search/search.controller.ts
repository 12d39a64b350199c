import { Controller, Get, HttpCode, Post, Query } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { Actor } from '../auth/actor';
import { CurrentActor } from '../auth/current-actor.decorator';
import { SearchQueryDto } from './dto/search-query.dto';
import { ReindexProgress } from './reindexer';
import { SearchResult } from './search-engine';
import { SearchService } from './search.service';

@ApiTags('search')
@Controller('search')
export class SearchController {
  constructor(private readonly search: SearchService) {}

  @Get()
  query(@CurrentActor() actor: Actor, @Query() dto: SearchQueryDto): Promise<SearchResult> {
    return this.search.search(actor, dto);
  }

  @Post('reindex')
  @HttpCode(202)
  reindex(@CurrentActor() actor: Actor): ReindexProgress {
    return this.search.startReindex(actor);
  }

  @Get('reindex')
  reindexStatus(@CurrentActor() actor: Actor): { progress: ReindexProgress | null; error: string | null } {
    return this.search.reindexStatus(actor);
  }
}
