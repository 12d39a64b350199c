import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn } from 'class-validator';
import { IsCalendarDate } from '../../common/dates';
import { Optional } from '../../common/dto';
import { PARTICIPATION_TABLES, ParticipationTable } from '../participation-csv';

/** Each date is checked on its own here; parsePeriod checks how they relate (from ≤ to). */
export class ParticipationQuery {
  @ApiPropertyOptional({
    format: 'date',
    example: '2026-01-01',
    description: 'first day included (default: 364 days before to)',
  })
  @Optional()
  @IsCalendarDate()
  from?: string;

  @ApiPropertyOptional({
    format: 'date',
    example: '2026-12-31',
    description: 'last day included (default: today, UTC)',
  })
  @Optional()
  @IsCalendarDate()
  to?: string;
}

export class ParticipationCsvQuery extends ParticipationQuery {
  @ApiProperty({ enum: PARTICIPATION_TABLES })
  @IsIn(PARTICIPATION_TABLES, { message: `table must be one of ${PARTICIPATION_TABLES.join(', ')}` })
  table: ParticipationTable;
}
