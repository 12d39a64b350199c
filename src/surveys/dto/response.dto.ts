import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsInt,
  IsOptional,
  IsString,
  IsUUID,
  Length,
  Matches,
  ValidateIf,
  ValidateNested,
} from 'class-validator';
import { NO_CONTROL_CHARS } from '../../common/dto';
import { SURVEY_LIMITS as L } from '../rules';

const nullable = (): PropertyDecorator => ValidateIf((_, v) => v !== null);

/** Shape only; ranges and what fits each question are checked against the survey (rules.ts). */
export class AnswerDto {
  @ApiProperty({ format: 'uuid', description: 'the survey item answered' })
  @IsUUID('all', { message: 'itemId must be a UUID' })
  itemId: string;

  @ApiPropertyOptional({ minimum: 1, maximum: 5, nullable: true })
  @IsOptional()
  @nullable()
  @IsInt({ message: 'rating must be a whole number from 1 to 5' })
  rating?: number | null;

  @ApiPropertyOptional({ type: [String], nullable: true })
  @IsOptional()
  @nullable()
  @IsArray()
  @ArrayMaxSize(L.maxOptions)
  @IsString({ each: true })
  choices?: string[] | null;

  @ApiPropertyOptional({ nullable: true, maxLength: L.freeTextChars })
  @IsOptional()
  @nullable()
  @IsString()
  @Length(0, L.freeTextChars + 100)
  @Matches(NO_CONTROL_CHARS, { message: 'text must not contain control characters' })
  text?: string | null;
}

export class SubmitResponseDto {
  @ApiProperty({ type: [AnswerDto] })
  @IsArray()
  @ArrayMaxSize(L.items)
  @ValidateNested({ each: true })
  @Type(() => AnswerDto)
  answers: AnswerDto[];

  @ApiPropertyOptional({ description: 'anonymous waves: the token returned by your first submission, to edit it' })
  @IsOptional()
  @IsString()
  @Length(16, 200)
  editToken?: string;
}
