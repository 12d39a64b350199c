import { applyDecorators } from '@nestjs/common';
import { IsBoolean, IsString, ValidateBy } from 'class-validator';
import { NotBlank, Nullable, UuidField } from '../../common/dto';
import { MultiLineText } from '../../common/text';
import { emojiProblem } from '../message-rules';
import type {
  MessageEditRequest,
  MessagePinRequest,
  MessageRef,
  MessageSendRequest,
  ReactionToggleRequest,
} from '../message.view';

/**
 * Payloads of the message socket events (channels.gateway.ts), validated by the same pipe as
 * REST bodies. Each implements its type in message.view.ts, the contract the client sends by.
 * A body's length is checked by the service (checkBody): beyond the limit it is a 413, not a 400.
 */

/** A message body: markdown as written, more than whitespace. */
const MessageBody = (): PropertyDecorator => applyDecorators(IsString(), MultiLineText(), NotBlank());

/** A reaction: one emoji or one of REACTION_SHORTCODES. */
const ReactionEmoji = (): PropertyDecorator =>
  ValidateBy({
    name: 'reactionEmoji',
    validator: {
      validate: (value: unknown) => emojiProblem(value) === null,
      defaultMessage: (args) => `$property ${emojiProblem(args?.value) ?? 'must be one emoji'}`,
    },
  });

/** `message:send`. */
export class MessageSendDto implements MessageSendRequest {
  @UuidField()
  channelId: string;

  @MessageBody()
  body: string;

  @Nullable()
  @UuidField()
  parentId?: string | null;

  @UuidField()
  clientMsgId: string;
}

/** `message:delete`. */
export class MessageRefDto implements MessageRef {
  @UuidField()
  messageId: string;
}

/** `message:edit`. */
export class MessageEditDto extends MessageRefDto implements MessageEditRequest {
  @MessageBody()
  body: string;
}

/** `message:pin`. */
export class MessagePinDto extends MessageRefDto implements MessagePinRequest {
  @IsBoolean({ message: 'pinned must be true or false' })
  pinned: boolean;
}

/** `reaction:toggle`. */
export class ReactionToggleDto extends MessageRefDto implements ReactionToggleRequest {
  @ReactionEmoji()
  emoji: string;
}
