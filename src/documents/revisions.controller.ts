import { applyDecorators, Body, Controller, Get, HttpCode, Post } from '@nestjs/common';
import { ApiParam, ApiTags } from '@nestjs/swagger';
import { Actor } from '../auth/actor';
import { CurrentActor } from '../auth/current-actor.decorator';
import { INTEGER_BOUNDS } from '../common/limits';
import { IntegerParam, UuidParam } from '../common/params';
import { DocumentView } from './document.view';
import { RestoreRevisionDto } from './dto/document.dto';
import type { RevisionDiff, RevisionSummary, RevisionView } from './revision.view';
import { RevisionsService } from './revisions.service';

const VERSION = INTEGER_BOUNDS.version;
/** A revision number in the path; anything else is a 400 naming the parameter and the bounds. */
const VersionParam = (name: string): ParameterDecorator => IntegerParam(name, VERSION);
/** How the revision numbers of a route are described. */
const Versions = (...names: string[]): MethodDecorator =>
  applyDecorators(
    ...names.map((name) => ApiParam({ name, schema: { type: 'integer', minimum: VERSION.min, maximum: VERSION.max } })),
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
  @Versions('version')
  get(
    @CurrentActor() actor: Actor,
    @UuidParam('id') id: string,
    @VersionParam('version') version: number,
  ): Promise<RevisionView> {
    return this.revisions.get(actor, id, version);
  }

  @Get(':a/diff/:b')
  @Versions('a', 'b')
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
  @Versions('version')
  restore(
    @CurrentActor() actor: Actor,
    @UuidParam('id') id: string,
    @VersionParam('version') version: number,
    @Body() dto: RestoreRevisionDto,
  ): Promise<DocumentView> {
    return this.revisions.restore(actor, id, version, dto.baseVersion);
  }
}
