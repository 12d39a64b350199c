import { Nullable, UuidField } from '../../common/dto';
import { BodyInteger } from '../../common/integers';
import { INTEGER_BOUNDS } from '../../common/limits';
import type { ChannelJoinRequest, ChannelRef, ReadRequest } from '../channel.view';
import { MarkChannelReadDto } from './channel.dto';

/**
 * Payloads of the channel socket events (channels.gateway.ts), validated by the same pipe as
 * REST bodies. Each implements its type in channel.view.ts, the contract the client sends by.
 */

/** `channel:leave`, `typing`. */
export class ChannelRefDto implements ChannelRef {
  @UuidField()
  channelId: string;
}

/** `channel:join`. */
export class ChannelJoinDto extends ChannelRefDto implements ChannelJoinRequest {
  @Nullable()
  @BodyInteger(INTEGER_BOUNDS.seq)
  afterSeq?: number | null;
}

/** `read`: the same marker as `POST /channels/:channelId/read`, with the channel in the payload. */
export class ReadDto extends MarkChannelReadDto implements ReadRequest {
  @UuidField()
  channelId: string;
}
