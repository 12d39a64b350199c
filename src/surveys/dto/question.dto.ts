import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ArrayMaxSize, IsArray, IsIn, IsString, Length } from 'class-validator';
import { Optional, Trim, TrimEach } from '../../common/dto';
import { SingleLineText } from '../../common/text';
import { QUESTION_KINDS, QuestionKind, SURVEY_LIMITS as L } from '../rules';

export class UpdateQuestionDto {
  @ApiProperty({ minLength: 1, maxLength: L.promptChars })
  @Trim()
  @IsString()
  @Length(1, L.promptChars)
  @SingleLineText()
  prompt: string;

  @ApiPropertyOptional({
    type: [String],
    maxItems: L.maxOptions,
    description: 'choice questions only: 2–20 distinct options',
  })
  @Optional()
  @TrimEach()
  @IsArray()
  @ArrayMaxSize(L.maxOptions)
  @IsString({ each: true })
  @Length(1, L.optionChars, { each: true })
  @SingleLineText({ each: true })
  options?: string[];
}

export class CreateQuestionDto extends UpdateQuestionDto {
  @ApiProperty({ enum: QUESTION_KINDS })
  @IsIn(QUESTION_KINDS)
  kind: QuestionKind;
}
