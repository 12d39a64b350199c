// Baseline for G1 and G6: a bare socket.io broadcast server on an ephemeral port (prints the
// port). It answers the same events as the app (docs/REALTIME.md) with nothing behind them:
// no authentication, no database, no group rooms. `channel:join` joins the room; `message:send`
// acks with the message and broadcasts it to the room (not to the sender), as the app does.
// Transport settings match the app's (no per-message deflate).
import { createServer } from 'node:http';
import { randomUUID } from 'node:crypto';
import { Server } from 'socket.io';

type Ack = (response: Record<string, unknown>) => void;
interface Send {
  channelId: string;
  body: string;
  clientMsgId: string;
}

const httpServer = createServer();
const io = new Server(httpServer, {
  serveClient: false,
  perMessageDeflate: false,
  httpCompression: false,
  pingInterval: 20_000,
  pingTimeout: 20_000,
});
const seqs = new Map<string, number>();

io.on('connection', (socket) => {
  socket.on('channel:join', (p: { channelId: string }, ack: Ack) => {
    void socket.join(`channel:${p.channelId}`);
    ack({ ok: true, channelId: p.channelId, missed: [], lastSeq: seqs.get(p.channelId) ?? 0, hasMore: false });
  });
  socket.on('message:send', (p: Send, ack: Ack) => {
    const seq = (seqs.get(p.channelId) ?? 0) + 1;
    seqs.set(p.channelId, seq);
    const message = {
      id: randomUUID(),
      channelId: p.channelId,
      seq,
      clientMsgId: p.clientMsgId,
      body: p.body,
      createdAt: new Date().toISOString(),
    };
    ack({ ok: true, message });
    socket.to(`channel:${p.channelId}`).emit('message:new', message);
  });
});

httpServer.listen(0, '127.0.0.1', () => {
  const address = httpServer.address();
  process.stdout.write(`PORT ${typeof address === 'object' && address ? address.port : 0}\n`);
});
process.on('SIGTERM', () => {
  // Disconnects the clients; the process exits at once, so nothing waits for the close to finish.
  void io.close();
  process.exit(0);
});
