import { Body, Controller, Get, HttpCode, Param, ParseIntPipe, Post } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { Actor } from '../auth/actor';
import { CurrentActor } from '../auth/current-actor.decorator';
import { invalid } from '../common/errors';
import { UuidParam } from '../common/params';
import { DocumentView } from './document.view';
import { RestoreRevisionDto } from './dto/document.dto';
import { RevisionDiff, RevisionsService, RevisionSummary, RevisionView } from './revisions.service';

/** A revision number in the path; anything else is a 400 naming the parameter. */
const VersionParam = (name: string): ParameterDecorator =>
  Param(
    name,
    new ParseIntPipe({ exceptionFactory: () => invalid(name, 'must be a revision number (a positive integer)') }),
  );

@ApiTags('documents')
@Controller('documents/:id/revisions')
export class RevisionsController {
  constructor(private readonly revisions: RevisionsService) {}

  @Get()
  list(@CurrentActor() actor: Actor, @UuidParam('id') id: string): Promise<RevisionSummary[]> {
    return this.revisions.list(actor, id);
  }

  @Get(':version')
  get(
    @CurrentActor() actor: Actor,
    @UuidParam('id') id: string,
    @VersionParam('version') version: number,
  ): Promise<RevisionView> {
    return this.revisions.get(actor, id, version);
  }

  @Get(':a/diff/:b')
  diff(
    @CurrentActor() actor: Actor,
    @UuidParam('id') id: string,
    @VersionParam('a') a: number,
    @VersionParam('b') b: number,
  ): Promise<RevisionDiff> {
    return this.revisions.diff(actor, id, a, b);
  }

  /** Restores an old revision as a new one. */
  @Post(':version/restore')
  @HttpCode(200)
  restore(
    @CurrentActor() actor: Actor,
    @UuidParam('id') id: string,
    @VersionParam('version') version: number,
    @Body() dto: RestoreRevisionDto,
  ): Promise<DocumentView> {
    return this.revisions.restore(actor, id, version, dto.baseVersion);
  }
}
