import { UuidField } from '../../common/dto';
import type { PresenceRequest } from '../events';

/** `presence:get`. */
export class PresenceRequestDto implements PresenceRequest {
  @UuidField()
  groupId: string;
}
