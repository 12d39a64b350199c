import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsIn, IsInt, IsISO8601, IsOptional, IsString, IsUUID, Length, Max, Min, MinLength } from 'class-validator';
import { Trim } from '../../common/dto';

export const SEARCH_KINDS = ['page', 'ci_note', 'meeting_summary', 'resource', 'message'] as const;
export const SEARCH_MODES = ['full', 'prefix'] as const;
const toInt = ({ value }: { value: unknown }): unknown =>
  typeof value === 'string' && /^\d+$/.test(value) ? Number(value) : value;

export class SearchQueryDto {
  @ApiProperty({ minLength: 1, maxLength: 200, example: 'hydrogen' })
  @Trim()
  @IsString()
  @MinLength(1, { message: 'q must not be empty' })
  @Length(1, 200)
  q: string;

  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID('all', { message: 'groupId must be a UUID' })
  groupId?: string;

  @ApiPropertyOptional({ enum: SEARCH_KINDS })
  @IsOptional()
  @IsIn(SEARCH_KINDS)
  kind?: (typeof SEARCH_KINDS)[number];

  @ApiPropertyOptional({ maxLength: 40 })
  @IsOptional()
  @IsString()
  @Length(1, 40)
  tag?: string;

  @ApiPropertyOptional({ format: 'uuid', description: 'author user id' })
  @IsOptional()
  @IsUUID('all', { message: 'author must be a UUID' })
  author?: string;

  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID('all', { message: 'organisationId must be a UUID' })
  organisationId?: string;

  @ApiPropertyOptional({ format: 'date-time' })
  @IsOptional()
  @IsISO8601({}, { message: 'from must be an ISO 8601 date' })
  from?: string;

  @ApiPropertyOptional({ format: 'date-time' })
  @IsOptional()
  @IsISO8601({}, { message: 'to must be an ISO 8601 date' })
  to?: string;

  @ApiPropertyOptional({
    enum: SEARCH_MODES,
    default: 'full',
    description:
      'prefix: search as you type (last word as a prefix, the best few matches; approximate total and facets)',
  })
  @IsOptional()
  @IsIn(SEARCH_MODES)
  mode?: (typeof SEARCH_MODES)[number];

  @ApiPropertyOptional({ minimum: 1, maximum: 50, default: 20 })
  @IsOptional()
  @Transform(toInt)
  @IsInt({ message: 'limit must be an integer' })
  @Min(1)
  @Max(50)
  limit?: number;

  @ApiPropertyOptional({ minimum: 0, maximum: 1950, default: 0 })
  @IsOptional()
  @Transform(toInt)
  @IsInt({ message: 'offset must be an integer' })
  @Min(0)
  @Max(1950)
  offset?: number;
}
