import { Module } from '@nestjs/common';
import { AppConfig } from '../config/config';
import { MarkdownRenderer } from './markdown-renderer';

/** THE markdown renderer as a provider: one worker pool for the whole process, closed on shutdown. */
@Module({
  providers: [
    {
      provide: MarkdownRenderer,
      inject: [AppConfig],
      useFactory: (config: AppConfig) => new MarkdownRenderer(config.markdownRenderTimeoutMs),
    },
  ],
  exports: [MarkdownRenderer],
})
export class MarkdownModule {}
