import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsString, IsUUID, Length, MinLength } from 'class-validator';
import { IsDateOrTimestamp } from '../../common/dates';
import { Optional, Trim } from '../../common/dto';
import { QueryInteger } from '../../common/integers';
import { INTEGER_BOUNDS } from '../../common/limits';
import { SingleLineText } from '../../common/text';

export const SEARCH_KINDS = ['page', 'ci_note', 'meeting_summary', 'resource', 'message'] as const;
export const SEARCH_MODES = ['full', 'prefix'] as const;
const OFFSET = INTEGER_BOUNDS.searchOffset;
const DATE_FILTER = 'a day (YYYY-MM-DD, from its midnight UTC) or an RFC 3339 timestamp';

export class SearchQueryDto {
  @ApiProperty({ minLength: 1, maxLength: 200, example: 'hydrogen' })
  @Trim()
  @IsString()
  @MinLength(1, { message: 'q must not be empty' })
  @Length(1, 200)
  @SingleLineText()
  q: string;

  @ApiPropertyOptional({ format: 'uuid' })
  @Optional()
  @IsUUID('all', { message: 'groupId must be a UUID' })
  groupId?: string;

  @ApiPropertyOptional({ enum: SEARCH_KINDS })
  @Optional()
  @IsIn(SEARCH_KINDS)
  kind?: (typeof SEARCH_KINDS)[number];

  @ApiPropertyOptional({ minLength: 1, maxLength: 40 })
  @Optional()
  @IsString()
  @Length(1, 40)
  @SingleLineText()
  tag?: string;

  @ApiPropertyOptional({ format: 'uuid', description: 'author user id' })
  @Optional()
  @IsUUID('all', { message: 'author must be a UUID' })
  author?: string;

  @ApiPropertyOptional({ format: 'uuid' })
  @Optional()
  @IsUUID('all', { message: 'organisationId must be a UUID' })
  organisationId?: string;

  @ApiPropertyOptional({ example: '2026-01-01', description: `changed at or after: ${DATE_FILTER}` })
  @Optional()
  @IsDateOrTimestamp()
  from?: string;

  @ApiPropertyOptional({ example: '2026-12-31T23:59:59Z', description: `changed at or before: ${DATE_FILTER}` })
  @Optional()
  @IsDateOrTimestamp()
  to?: string;

  @ApiPropertyOptional({
    enum: SEARCH_MODES,
    default: 'full',
    description:
      'prefix: search as you type (last word as a prefix, the best few matches; approximate total and facets)',
  })
  @Optional()
  @IsIn(SEARCH_MODES)
  mode?: (typeof SEARCH_MODES)[number];

  @ApiPropertyOptional({ type: 'integer', minimum: 1, maximum: 50, default: 20 })
  @Optional()
  @QueryInteger({ min: 1, max: 50 })
  limit?: number;

  @ApiPropertyOptional({ type: 'integer', minimum: OFFSET.min, maximum: OFFSET.max, default: 0 })
  @Optional()
  @QueryInteger(OFFSET)
  offset?: number;
}
