import { Body, Controller, HttpCode, Post } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { Actor } from '../auth/actor';
import { CurrentActor } from '../auth/current-actor.decorator';
import { MarkdownRenderer } from '../markdown/markdown-renderer';
import { DocumentAccess } from './document-access';
import type { MarkdownPreview } from './document.view';
import { checkBodySize } from './document-input';
import { PreviewDto } from './dto/document.dto';
import { WikiLinker } from './wiki-linker';

/** Renders an editor's draft with THE renderer, wiki links resolved in the group when given. */
@ApiTags('markdown')
@Controller('markdown')
export class PreviewController {
  constructor(
    private readonly access: DocumentAccess,
    private readonly linker: WikiLinker,
    private readonly markdown: MarkdownRenderer,
  ) {}

  @Post('preview')
  @HttpCode(200)
  async preview(@CurrentActor() actor: Actor, @Body() dto: PreviewDto): Promise<MarkdownPreview> {
    checkBodySize(dto.source, 'source');
    if (!dto.groupId) return { html: await this.markdown.render(dto.source, { field: 'source' }) };
    await this.access.group(actor, dto.groupId, 'read');
    return { html: (await this.linker.render(null, dto.groupId, dto.source, undefined, 'source')).html };
  }
}
