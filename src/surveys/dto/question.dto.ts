import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ArrayMaxSize, IsArray, IsIn, IsOptional, IsString, Length, Matches } from 'class-validator';
import { SINGLE_LINE, Trim } from '../../common/dto';
import { TrimEach } from '../../documents/dto/fields';
import { QUESTION_KINDS, QuestionKind, SURVEY_LIMITS as L } from '../rules';

export class UpdateQuestionDto {
  @ApiProperty({ maxLength: L.promptChars })
  @Trim()
  @IsString()
  @Length(1, L.promptChars)
  @Matches(SINGLE_LINE, { message: 'prompt must not contain control characters' })
  prompt: string;

  @ApiPropertyOptional({ type: [String], description: 'choice questions only: 2–20 distinct options' })
  @IsOptional()
  @TrimEach()
  @IsArray()
  @ArrayMaxSize(L.maxOptions)
  @IsString({ each: true })
  @Length(1, L.optionChars, { each: true })
  @Matches(SINGLE_LINE, { each: true, message: 'options must not contain control characters' })
  options?: string[];
}

export class CreateQuestionDto extends UpdateQuestionDto {
  @ApiProperty({ enum: QUESTION_KINDS })
  @IsIn(QUESTION_KINDS)
  kind: QuestionKind;
}
