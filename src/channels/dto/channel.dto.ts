import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsBoolean, IsString, Length, Matches } from 'class-validator';
import { Optional, QueryBoolean, Trim } from '../../common/dto';
import { BodyInteger, QueryInteger } from '../../common/integers';
import { INTEGER_BOUNDS } from '../../common/limits';
import { SingleLineText } from '../../common/text';
import { CHANNEL_NAME, CHANNEL_NAME_RULE } from '../message-rules';

const SEQ = INTEGER_BOUNDS.seq;

export class CreateChannelDto {
  @ApiProperty({ pattern: CHANNEL_NAME.source, example: 'ci-radar' })
  @IsString()
  @Matches(CHANNEL_NAME, { message: `name must be ${CHANNEL_NAME_RULE} characters` })
  name: string;

  @ApiPropertyOptional({ maxLength: 250, default: '' })
  @Optional()
  @Trim()
  @IsString()
  @Length(0, 250)
  @SingleLineText()
  topic?: string;
}

export class UpdateChannelDto {
  @ApiPropertyOptional({ pattern: CHANNEL_NAME.source })
  @Optional()
  @IsString()
  @Matches(CHANNEL_NAME, { message: `name must be ${CHANNEL_NAME_RULE} characters` })
  name?: string;

  @ApiPropertyOptional({ maxLength: 250 })
  @Optional()
  @Trim()
  @IsString()
  @Length(0, 250)
  @SingleLineText()
  topic?: string;

  @ApiPropertyOptional({ description: 'true archives the channel (read-only), false restores it' })
  @Optional()
  @IsBoolean({ message: 'archived must be true or false' })
  archived?: boolean;
}

export class ListChannelsQuery {
  @ApiPropertyOptional({ description: 'include archived channels', default: false })
  @Optional()
  @QueryBoolean()
  @IsBoolean({ message: 'archived must be true or false' })
  archived?: boolean;
}

export class HistoryQuery {
  @ApiPropertyOptional({
    type: 'integer',
    minimum: 1,
    maximum: SEQ.max,
    description: 'messages with seq < beforeSeq (the newest of them)',
  })
  @Optional()
  @QueryInteger({ min: 1, max: SEQ.max })
  beforeSeq?: number;

  @ApiPropertyOptional({
    type: 'integer',
    minimum: SEQ.min,
    maximum: SEQ.max,
    description: 'messages with seq > afterSeq (the oldest of them)',
  })
  @Optional()
  @QueryInteger(SEQ)
  afterSeq?: number;

  @ApiPropertyOptional({
    type: 'integer',
    minimum: 1,
    maximum: SEQ.max,
    description:
      'the page around one message (a link to it): half of `limit` before seq, the rest from seq on; not with beforeSeq/afterSeq',
  })
  @Optional()
  @QueryInteger({ min: 1, max: SEQ.max })
  aroundSeq?: number;

  @ApiPropertyOptional({ type: 'integer', minimum: 1, maximum: 200, default: 50 })
  @Optional()
  @QueryInteger({ min: 1, max: 200 })
  limit?: number;
}

/** The channel read marker (POST /channels/:channelId/read and the socket `read` event). */
export class MarkChannelReadDto {
  @ApiProperty({
    type: 'integer',
    minimum: SEQ.min,
    maximum: SEQ.max,
    description: 'the last seq read; the marker never moves back, nor past the channel’s last seq',
  })
  @BodyInteger(SEQ)
  seq: number;
}
