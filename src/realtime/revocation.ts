import { Injectable } from '@nestjs/common';
import { isAdmin } from '../auth/actor';
import type { SessionRevoked, SessionsRevoked, UserDeactivated, UserRoleChanged } from '../auth/auth.events';
import { DomainEvents } from '../domain-events/domain-events';
import type { MembershipChanged } from '../groups/group.events';
import { rooms, type SessionEndedReason } from './events';
import { Presence } from './presence';
import type { AppServer } from './socket';

/**
 * What the domain events change for sockets that are already open, after commit and on every
 * process (the rooms carry it): an ended session disconnects its sockets, a role change moves
 * them in or out of the admins' room, a membership change in or out of the group's room.
 * Channels move their own rooms (channels.gateway.ts).
 */
@Injectable()
export class Revocation {
  private io: AppServer | null = null;

  constructor(
    private readonly presence: Presence,
    events: DomainEvents,
  ) {
    events.onAfterCommit('session.revoked', (e) => this.onSessionRevoked(e));
    events.onAfterCommit('user.deactivated', (e) => this.onUserDeactivated(e));
    events.onAfterCommit('sessions.revoked', (e) => this.onSessionsRevoked(e));
    events.onAfterCommit('user.roleChanged', (e) => this.onUserRoleChanged(e));
    events.onAfterCommit('membership.changed', (e) => this.onMembershipChanged(e));
  }

  /** The socket server, once the gateway has started it; before that nobody is connected. */
  attach(io: AppServer): void {
    this.io = io;
  }

  /** Logout: every socket opened with that session, on any process, is disconnected. */
  private onSessionRevoked(event: SessionRevoked): void {
    this.endSessions([rooms.session(event.sessionId)], 'logout');
  }

  private onUserDeactivated(event: UserDeactivated): void {
    this.endSessions([rooms.user(event.userId)], 'deactivated');
  }

  /**
   * A password change: every socket of that person, on any process, except those opened with
   * the session that made the change (an admin's reset keeps none).
   */
  private onSessionsRevoked(event: SessionsRevoked): void {
    const kept = event.keptSessionId ? [rooms.session(event.keptSessionId)] : [];
    this.endSessions([rooms.user(event.userId)], 'password_changed', kept);
  }

  /**
   * Tells the sockets why before disconnecting them, so clients know not to reconnect; a
   * disconnect without `session:ended` (a restart) is one to recover from. Across processes the
   * two may arrive out of order; a client that reconnects anyway is refused at the handshake.
   */
  private endSessions(roomsToEnd: string[], reason: SessionEndedReason, except: string[] = []): void {
    const io = this.io;
    if (!io) return;
    io.to(roomsToEnd).except(except).emit('session:ended', { reason });
    io.in(roomsToEnd).except(except).disconnectSockets(true);
  }

  /** A person made admin receives every group's events at once; a former admin stops receiving them. */
  private onUserRoleChanged(event: UserRoleChanged): void {
    const theirs = this.io?.in(rooms.user(event.userId));
    if (isAdmin(event)) theirs?.socketsJoin(rooms.admins());
    else theirs?.socketsLeave(rooms.admins());
  }

  /** A member added joins the group room at once; a member removed leaves it and is told. */
  private async onMembershipChanged(event: MembershipChanged): Promise<void> {
    const io = this.io;
    if (!io) return;
    const userRoom = rooms.user(event.userId);
    if (event.role === null) {
      io.in(userRoom).socketsLeave(rooms.group(event.groupId));
      io.to(userRoom).emit('access:revoked', { groupId: event.groupId });
    } else {
      io.in(userRoom).socketsJoin(rooms.group(event.groupId));
    }
    await this.presence.groupChanged(event.groupId);
  }
}
