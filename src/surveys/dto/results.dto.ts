import { ApiProperty } from '@nestjs/swagger';
import { IsIn } from 'class-validator';
import { RESULT_TABLES, ResultTable } from '../results-csv';

export class ResultsCsvQuery {
  @ApiProperty({ enum: RESULT_TABLES })
  @IsIn(RESULT_TABLES, { message: `table must be one of ${RESULT_TABLES.join(', ')}` })
  table: ResultTable;
}
