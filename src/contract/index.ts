/**
 * The API contract: every type the web client (and the integration tests) read from the server,
 * re-exported type-only from the features that own them. Nothing here runs: the client imports
 * it with `import type` (alias `@contract`), so no server code reaches the bundle.
 *
 * Everything re-exported here must stay pure (no entity, no Nest, no Node): the client's type
 * check reads these files. A view with `Date` fields is what the server builds; the JSON on the
 * wire carries ISO strings, which `Json<View>` states (the client's `api()` returns `Json<T>`).
 */
import type { ClientToServerEvents, ServerToClientEvents } from '../realtime/events';
import type { IsJson } from './json';

export type { Json } from './json';

// ---------------------------------------------------------------- REST
export type { LoginResult } from '../me/auth.view';
export type { MeView } from '../me/me.view';
export type { Locale, PlatformRole, UserView } from '../users/user.view';
export type { OrganisationKind, OrganisationView } from '../organisations/organisation.view';
export type { GroupRole, GroupView, MemberView, Visibility } from '../groups/group.view';
export type { ChannelInfo, ChannelView } from '../channels/channel.view';
export type { EditHistoryEntry, HistoryPage, MessageView, ReactionSummary, ThreadView } from '../channels/message.view';
export type {
  ActionItemStatus,
  ActionItemView,
  DocumentKind,
  DocumentList,
  DocumentStatus,
  DocumentSummary,
  DocumentView,
  DocumentWarning,
  FileView,
  MarkdownPreview,
  OrganisationRef,
  PersonRef,
  SavedDocument,
  TagCount,
} from '../documents/document.view';
export type { DiffChunk, LineDiff, RevisionDiff, RevisionSummary, RevisionView } from '../documents/revision.view';
export type { SearchFacets, SearchHit, SearchResult } from '../search/search-engine';
export type { NotificationList, NotificationsReadResult, NotificationView } from '../notifications/notification.view';
export type { EventKind } from '../events/event-rules';
export type { EventPersonRow, EventSummary, EventView } from '../events/event.view';
export type { AnswerInput, AnswerValue, QuestionKind, WaveStatus } from '../surveys/rules';
export type {
  EventRef,
  InviteeBasis,
  ItemView,
  MyResponse,
  QuestionView,
  SurveyView,
  WaveSummary,
  WaveView,
} from '../surveys/survey.view';
export type {
  Breakdown,
  BreakdownCell,
  BreakdownDimension,
  CombinedResult,
  ComparisonRow,
  FreeTextAnswer,
  FreeTextResult,
  ItemFigure,
  QuestionResult,
  TrendPoint,
  WaveResults,
} from '../surveys/results.view';
export type { DistributionRow } from '../surveys/statistics';
export type {
  EventParticipation,
  GroupParticipation,
  OrganisationParticipation,
  Participation,
} from '../participation/participation.view';

// ---------------------------------------------------------------- socket.io
export type {
  AccessRevokedPayload,
  Ack,
  AckCallback,
  ClientToServerEvents,
  PresencePayload,
  PresenceResult,
  ServerToClientEvents,
  SessionEndedPayload,
  SessionEndedReason,
  SocketError,
  SocketErrorCode,
} from '../realtime/events';
export type {
  ChannelActivityPayload,
  ChannelJoinRequest,
  ChannelJoinResult,
  ChannelReadPayload,
  ReadResult,
  TypingPayload,
} from '../channels/channel.view';
export type {
  MessageDeletedPayload,
  MessageResult,
  MessageSendRequest,
  ReactionResult,
  ReactionUpdatedPayload,
} from '../channels/message.view';
export type { DocumentPublishedPayload } from '../documents/document.view';

// Socket payloads and acks are built as JSON already (ISO strings), so the client's typed socket
// needs no `Json<…>`. This alias stops compiling if one of them gains a `Date`.
type AssertJson<T extends true> = T;
type Arg<F> = F extends (payload: infer P, ...rest: never[]) => void ? P : never;
type AckOf<F> = F extends (payload: never, ack: (response: infer R) => void) => void ? R : never;
type Pushed = { [E in keyof ServerToClientEvents]: Arg<ServerToClientEvents[E]> }[keyof ServerToClientEvents];
type Acked = { [E in keyof ClientToServerEvents]: AckOf<ClientToServerEvents[E]> }[keyof ClientToServerEvents];
export type SocketPayloadsAreJson = AssertJson<IsJson<Pushed | Acked>>;
