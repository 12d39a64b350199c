import type { Server as HttpServer } from 'node:http';
import { Server } from 'socket.io';
import { AppConfig } from '../config/config';
import { REALTIME_LIMITS } from './realtime.limits';
import type { AppServer } from './socket';

/** The socket.io server on the HTTP server's port, with the transport settings we rely on. */
export function createSocketServer(httpServer: HttpServer, config: AppConfig): AppServer {
  return new Server(httpServer, {
    path: '/socket.io',
    serveClient: false,
    // Compression costs CPU and memory per socket, and mixes secrets with attacker text (CRIME-style).
    perMessageDeflate: false,
    httpCompression: false,
    maxHttpBufferSize: REALTIME_LIMITS.maxPacketBytes,
    pingInterval: 20_000,
    pingTimeout: 20_000,
    // Polling from an allowed other origin needs CORS; same-origin needs none.
    cors: config.allowedOrigins.length ? { origin: [...config.allowedOrigins], credentials: true } : undefined,
  });
}
