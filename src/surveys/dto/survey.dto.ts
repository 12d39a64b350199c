import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsBoolean,
  IsIn,
  IsOptional,
  IsString,
  IsUUID,
  Length,
  Matches,
  MaxLength,
  ValidateIf,
  ValidateNested,
} from 'class-validator';
import { NO_CONTROL_CHARS, SINGLE_LINE, Trim } from '../../common/dto';
import { LIMITS } from '../../common/limits';
import { SURVEY_LIMITS as L, WAVE_STATUSES, WaveStatus } from '../rules';

const nullable = (): PropertyDecorator => ValidateIf((_, v) => v !== null);

export class SurveyItemDto {
  @ApiPropertyOptional({ format: 'uuid', description: 'an existing item to keep (omit for a new one)' })
  @IsOptional()
  @IsUUID('all', { message: 'id must be a UUID' })
  id?: string;

  @ApiProperty({ format: 'uuid', description: 'a bank question' })
  @IsUUID('all', { message: 'questionId must be a UUID' })
  questionId: string;

  @ApiPropertyOptional({ format: 'uuid', nullable: true, description: 'the workshop this item asks about' })
  @IsOptional()
  @nullable()
  @IsUUID('all', { message: 'eventId must be a UUID' })
  eventId?: string | null;

  @ApiPropertyOptional({ nullable: true, maxLength: L.labelChars })
  @IsOptional()
  @nullable()
  @Trim()
  @IsString()
  @Length(1, L.labelChars)
  @Matches(SINGLE_LINE, { message: 'label must not contain control characters' })
  label?: string | null;
}

export class SurveyItemsDto {
  @ApiProperty({ type: [SurveyItemDto], description: 'the items in order; replaces the list' })
  @IsArray()
  @ArrayMaxSize(L.items)
  @ValidateNested({ each: true })
  @Type(() => SurveyItemDto)
  items: SurveyItemDto[];
}

export class CreateSurveyDto extends SurveyItemsDto {
  @ApiProperty({ maxLength: LIMITS.titleChars })
  @Trim()
  @IsString()
  @Length(1, LIMITS.titleChars)
  @Matches(SINGLE_LINE, { message: 'title must not contain control characters' })
  title: string;

  @ApiPropertyOptional({ maxLength: 10000 })
  @IsOptional()
  @IsString()
  @MaxLength(10000)
  @Matches(NO_CONTROL_CHARS, { message: 'description must not contain control characters' })
  description?: string;

  @ApiPropertyOptional({ format: 'uuid', description: 'the event the survey is about; omit for a standalone survey' })
  @IsOptional()
  @IsUUID('all', { message: 'eventId must be a UUID' })
  eventId?: string;

  @ApiPropertyOptional({
    format: 'uuid',
    description: 'standalone: the group whose members are invited (else everyone)',
  })
  @IsOptional()
  @IsUUID('all', { message: 'groupId must be a UUID' })
  groupId?: string;
}

export class UpdateSurveyDto {
  @ApiPropertyOptional({ maxLength: LIMITS.titleChars })
  @IsOptional()
  @Trim()
  @IsString()
  @Length(1, LIMITS.titleChars)
  @Matches(SINGLE_LINE, { message: 'title must not contain control characters' })
  title?: string;

  @ApiPropertyOptional({ maxLength: 10000 })
  @IsOptional()
  @IsString()
  @MaxLength(10000)
  @Matches(NO_CONTROL_CHARS, { message: 'description must not contain control characters' })
  description?: string;
}

export class CreateWaveDto {
  @ApiProperty({ example: '2026', maxLength: L.waveLabelChars })
  @Trim()
  @IsString()
  @Length(1, L.waveLabelChars)
  @Matches(SINGLE_LINE, { message: 'label must not contain control characters' })
  label: string;

  @ApiProperty({ description: 'anonymous answers are stored without a link to the person' })
  @IsBoolean()
  anonymous: boolean;

  @ApiPropertyOptional({ format: 'uuid', description: "the event this wave asks about, when not the survey's" })
  @IsOptional()
  @IsUUID('all', { message: 'eventId must be a UUID' })
  eventId?: string;
}

export class UpdateWaveDto {
  @ApiPropertyOptional({ enum: WAVE_STATUSES })
  @IsOptional()
  @IsIn(WAVE_STATUSES)
  status?: WaveStatus;

  @ApiPropertyOptional({ description: 'only while the wave has no responses' })
  @IsOptional()
  @IsBoolean()
  anonymous?: boolean;

  @ApiPropertyOptional({ maxLength: L.waveLabelChars })
  @IsOptional()
  @Trim()
  @IsString()
  @Length(1, L.waveLabelChars)
  @Matches(SINGLE_LINE, { message: 'label must not contain control characters' })
  label?: string;
}
