import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsInt, IsString, IsUUID, Length, ValidateNested } from 'class-validator';
import { Nullable, Optional } from '../../common/dto';
import { MultiLineText, SingleLineText } from '../../common/text';
import { SURVEY_LIMITS as L } from '../rules';

/** Shape only; ranges and what fits each question are checked against the survey (rules.ts). */
export class AnswerDto {
  @ApiProperty({ format: 'uuid', description: 'the survey item answered' })
  @IsUUID('all', { message: 'itemId must be a UUID' })
  itemId: string;

  @ApiPropertyOptional({ type: 'integer', minimum: 1, maximum: 5, nullable: true })
  @Nullable()
  @IsInt({ message: 'rating must be a whole number from 1 to 5' })
  rating?: number | null;

  @ApiPropertyOptional({ type: [String], maxItems: L.maxOptions, nullable: true })
  @Nullable()
  @IsArray()
  @ArrayMaxSize(L.maxOptions)
  @IsString({ each: true })
  @SingleLineText({ each: true })
  choices?: string[] | null;

  @ApiPropertyOptional({ type: String, nullable: true, maxLength: L.freeTextChars })
  @Nullable()
  @IsString()
  @Length(0, L.freeTextChars + 100)
  @MultiLineText()
  text?: string | null;
}

export class SubmitResponseDto {
  @ApiProperty({ type: [AnswerDto], maxItems: L.items })
  @IsArray()
  @ArrayMaxSize(L.items)
  @ValidateNested({ each: true })
  @Type(() => AnswerDto)
  answers: AnswerDto[];

  @ApiPropertyOptional({
    minLength: 16,
    maxLength: 200,
    description: 'anonymous waves: the token returned by your first submission, to edit it',
  })
  @Optional()
  @IsString()
  @Length(16, 200)
  editToken?: string;
}
