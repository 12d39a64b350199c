import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsBoolean,
  IsIn,
  IsString,
  IsUUID,
  Length,
  MaxLength,
  ValidateNested,
} from 'class-validator';
import { Nullable, Optional, Trim } from '../../common/dto';
import { LIMITS } from '../../common/limits';
import { MultiLineText, SingleLineText } from '../../common/text';
import { SURVEY_LIMITS as L, WAVE_STATUSES, WaveStatus } from '../rules';

export class SurveyItemDto {
  @ApiPropertyOptional({ format: 'uuid', description: 'an existing item to keep (omit for a new one)' })
  @Optional()
  @IsUUID('all', { message: 'id must be a UUID' })
  id?: string;

  @ApiProperty({ format: 'uuid', description: 'a bank question' })
  @IsUUID('all', { message: 'questionId must be a UUID' })
  questionId: string;

  @ApiPropertyOptional({
    type: String,
    format: 'uuid',
    nullable: true,
    description: 'the workshop this item asks about',
  })
  @Nullable()
  @IsUUID('all', { message: 'eventId must be a UUID' })
  eventId?: string | null;

  @ApiPropertyOptional({ type: String, nullable: true, minLength: 1, maxLength: L.labelChars })
  @Nullable()
  @Trim()
  @IsString()
  @Length(1, L.labelChars)
  @SingleLineText()
  label?: string | null;
}

export class SurveyItemsDto {
  @ApiProperty({ type: [SurveyItemDto], maxItems: L.items, description: 'the items in order; replaces the list' })
  @IsArray()
  @ArrayMaxSize(L.items)
  @ValidateNested({ each: true })
  @Type(() => SurveyItemDto)
  items: SurveyItemDto[];
}

export class CreateSurveyDto extends SurveyItemsDto {
  @ApiProperty({ minLength: 1, maxLength: LIMITS.titleChars })
  @Trim()
  @IsString()
  @Length(1, LIMITS.titleChars)
  @SingleLineText()
  title: string;

  @ApiPropertyOptional({ maxLength: 10000 })
  @Optional()
  @IsString()
  @MaxLength(10000)
  @MultiLineText()
  description?: string;

  @ApiPropertyOptional({ format: 'uuid', description: 'the event the survey is about; omit for a standalone survey' })
  @Optional()
  @IsUUID('all', { message: 'eventId must be a UUID' })
  eventId?: string;

  @ApiPropertyOptional({
    format: 'uuid',
    description: 'standalone: the group whose members are invited (else everyone)',
  })
  @Optional()
  @IsUUID('all', { message: 'groupId must be a UUID' })
  groupId?: string;
}

export class UpdateSurveyDto {
  @ApiPropertyOptional({ minLength: 1, maxLength: LIMITS.titleChars })
  @Optional()
  @Trim()
  @IsString()
  @Length(1, LIMITS.titleChars)
  @SingleLineText()
  title?: string;

  @ApiPropertyOptional({ maxLength: 10000 })
  @Optional()
  @IsString()
  @MaxLength(10000)
  @MultiLineText()
  description?: string;
}

export class CreateWaveDto {
  @ApiProperty({ example: '2026', minLength: 1, maxLength: L.waveLabelChars })
  @Trim()
  @IsString()
  @Length(1, L.waveLabelChars)
  @SingleLineText()
  label: string;

  @ApiProperty({ description: 'anonymous answers are stored without a link to the person' })
  @IsBoolean()
  anonymous: boolean;

  @ApiPropertyOptional({ format: 'uuid', description: "the event this wave asks about, when not the survey's" })
  @Optional()
  @IsUUID('all', { message: 'eventId must be a UUID' })
  eventId?: string;
}

export class UpdateWaveDto {
  @ApiPropertyOptional({ enum: WAVE_STATUSES })
  @Optional()
  @IsIn(WAVE_STATUSES)
  status?: WaveStatus;

  @ApiPropertyOptional({ description: 'only while the wave has no responses' })
  @Optional()
  @IsBoolean()
  anonymous?: boolean;

  @ApiPropertyOptional({ minLength: 1, maxLength: L.waveLabelChars })
  @Optional()
  @Trim()
  @IsString()
  @Length(1, L.waveLabelChars)
  @SingleLineText()
  label?: string;
}
