import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsString } from 'class-validator';
import { PARTICIPATION_TABLES, ParticipationTable } from '../participation-csv';

/** Dates are checked by parsePeriod, so every problem names `from` or `to` the same way. */
export class ParticipationQuery {
  @ApiPropertyOptional({ example: '2026-01-01', description: 'first day included (default: 364 days before to)' })
  @IsOptional()
  @IsString()
  from?: string;

  @ApiPropertyOptional({ example: '2026-12-31', description: 'last day included (default: today, UTC)' })
  @IsOptional()
  @IsString()
  to?: string;
}

export class ParticipationCsvQuery extends ParticipationQuery {
  @ApiProperty({ enum: PARTICIPATION_TABLES })
  @IsIn(PARTICIPATION_TABLES, { message: `table must be one of ${PARTICIPATION_TABLES.join(', ')}` })
  table: ParticipationTable;
}
