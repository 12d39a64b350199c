import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsBoolean, IsInt, IsOptional, IsString, Length, Matches, Max, Min } from 'class-validator';
import { SINGLE_LINE, Trim } from '../../common/dto';
import { CHANNEL_NAME, CHANNEL_NAME_RULE } from '../message-rules';

export class CreateChannelDto {
  @ApiProperty({ pattern: CHANNEL_NAME.source, example: 'ci-radar' })
  @IsString()
  @Matches(CHANNEL_NAME, { message: `name must be ${CHANNEL_NAME_RULE} characters` })
  name: string;

  @ApiPropertyOptional({ maxLength: 250, default: '' })
  @IsOptional()
  @Trim()
  @IsString()
  @Length(0, 250)
  @Matches(SINGLE_LINE, { message: 'topic must not contain control characters' })
  topic?: string;
}

export class UpdateChannelDto {
  @ApiPropertyOptional({ pattern: CHANNEL_NAME.source })
  @IsOptional()
  @IsString()
  @Matches(CHANNEL_NAME, { message: `name must be ${CHANNEL_NAME_RULE} characters` })
  name?: string;

  @ApiPropertyOptional({ maxLength: 250 })
  @IsOptional()
  @Trim()
  @IsString()
  @Length(0, 250)
  @Matches(SINGLE_LINE, { message: 'topic must not contain control characters' })
  topic?: string;

  @ApiPropertyOptional({ description: 'true archives the channel (read-only), false restores it' })
  @IsOptional()
  @IsBoolean({ message: 'archived must be true or false' })
  archived?: boolean;
}

const toBool = ({ value }: { value: unknown }): unknown =>
  value === 'true' ? true : value === 'false' ? false : value;
const toInt = ({ value }: { value: unknown }): unknown =>
  typeof value === 'string' && /^\d{1,15}$/.test(value) ? Number(value) : value;

export class ListChannelsQuery {
  @ApiPropertyOptional({ description: 'include archived channels', default: false })
  @IsOptional()
  @Transform(toBool)
  @IsBoolean({ message: 'archived must be true or false' })
  archived?: boolean;
}

export class HistoryQuery {
  @ApiPropertyOptional({ description: 'messages with seq < beforeSeq (the newest of them)' })
  @IsOptional()
  @Transform(toInt)
  @IsInt({ message: 'beforeSeq must be an integer' })
  @Min(1)
  beforeSeq?: number;

  @ApiPropertyOptional({ description: 'messages with seq > afterSeq (the oldest of them)' })
  @IsOptional()
  @Transform(toInt)
  @IsInt({ message: 'afterSeq must be an integer' })
  @Min(0)
  afterSeq?: number;

  @ApiPropertyOptional({ minimum: 1, maximum: 200, default: 50 })
  @IsOptional()
  @Transform(toInt)
  @IsInt({ message: 'limit must be an integer' })
  @Min(1)
  @Max(200)
  limit?: number;
}

export class MarkReadDto {
  @ApiProperty({ description: 'the last seq read; the marker never moves back' })
  @IsInt({ message: 'seq must be an integer' })
  @Min(0)
  seq: number;
}
