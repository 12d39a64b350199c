#!/usr/bin/env node
/**
 * A tiny terminal chat against a running Auzolan, for trying realtime channels by hand.
 * Start the server (`npm start`, embedded mode seeds the demo data), then in two terminals:
 *
 *   node scripts/demo-chat.js maite@agency.demo
 *   node scripts/demo-chat.js ane@energy.demo
 *
 * Options: --url http://localhost:3000 (or AUZOLAN_URL), --group evaluation, --channel general,
 * --password auzolan-demo (or DEMO_PASSWORD). Type a line and press Enter to send it; `/quit` leaves.
 * After a disconnect the client rejoins with the last seq it saw and prints what it missed.
 */
const { randomUUID } = require('node:crypto');
const readline = require('node:readline');
const { io } = require('socket.io-client');

function option(name, fallback) {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 && process.argv[i + 1] ? process.argv[i + 1] : fallback;
}

const email = process.argv[2] && !process.argv[2].startsWith('--') ? process.argv[2] : 'maite@agency.demo';
const baseUrl = option('url', process.env.AUZOLAN_URL || 'http://localhost:3000').replace(/\/$/, '');
const groupSlug = option('group', 'evaluation');
const channelName = option('channel', 'general');
const password = option('password', process.env.DEMO_PASSWORD || 'auzolan-demo');

async function api(path, { token, method = 'GET', body } = {}) {
  const res = await globalThis.fetch(baseUrl + path, {
    method,
    headers: {
      ...(token ? { authorization: `Bearer ${token}` } : {}),
      ...(body ? { 'content-type': 'application/json' } : {}),
    },
    body: body ? JSON.stringify(body) : undefined,
  });
  const data = res.status === 204 ? null : await res.json();
  if (!res.ok) throw new Error(`${method} ${path}: ${res.status} ${data?.error?.message ?? ''}`);
  return data;
}

async function main() {
  const { token, user } = await api('/api/auth/login', { method: 'POST', body: { email, password } });
  const group = (await api('/api/groups', { token })).find((g) => g.slug === groupSlug);
  if (!group) throw new Error(`no group "${groupSlug}" visible to ${email}`);
  const channel = (await api(`/api/groups/${group.id}/channels`, { token })).find((c) => c.name === channelName);
  if (!channel) throw new Error(`no channel "${channelName}" in ${group.name}`);
  const names = new Map(
    (await api(`/api/groups/${group.id}/members`, { token })).map((m) => [m.userId, m.displayName]),
  );

  const rl = readline.createInterface({ input: process.stdin, output: process.stdout, prompt: '> ' });
  const say = (line) => {
    readline.clearLine(process.stdout, 0);
    readline.cursorTo(process.stdout, 0);
    process.stdout.write(line + '\n');
    rl.prompt(true);
  };
  const time = (iso) => new Date(iso).toLocaleTimeString();
  let lastSeq = null;
  const show = (m) => {
    if (lastSeq !== null && m.seq <= lastSeq) return; // already shown (a catch-up overlapping a broadcast)
    lastSeq = m.seq;
    const who = m.authorId === user.id ? 'you' : m.authorName;
    say(`#${m.seq} ${time(m.createdAt)} ${who}: ${m.deleted ? '(deleted)' : m.body}`);
  };

  say(
    `Signed in as ${user.displayName}; joining #${channel.name} in ${group.name}. Type and press Enter; /quit to leave.`,
  );
  const socket = io(baseUrl, { auth: { token }, transports: ['websocket'] });
  socket.on('connect', async () => {
    // First join: the last 10 messages; after a reconnect: everything since the last seq seen.
    const afterSeq = lastSeq ?? Math.max(0, channel.lastSeq - 10);
    const ack = await socket.emitWithAck('channel:join', { channelId: channel.id, afterSeq });
    if (!ack.ok) return say(`! cannot join: ${ack.error.code} ${ack.error.message}`);
    if (lastSeq === null && ack.missed.length === 0) lastSeq = ack.lastSeq;
    ack.missed.forEach(show);
    if (ack.hasMore) say('! more messages were missed than shown; see the web client for the rest');
  });
  socket.on('connect_error', (e) => say(`! connection refused: ${e.message}`));
  socket.on('disconnect', (reason) => {
    if (reason !== 'io client disconnect') say(`! disconnected (${reason}); reconnecting…`);
  });
  socket.on('message:new', (m) => m.channelId === channel.id && show(m));
  socket.on('message:updated', (m) => m.channelId === channel.id && say(`  (#${m.seq} edited: ${m.body})`));
  socket.on('message:deleted', (d) => d.channelId === channel.id && say(`  (#${d.seq} deleted)`));
  socket.on('typing', (t) => t.channelId === channel.id && say(`  ${t.displayName} is typing…`));
  socket.on('presence', (p) => {
    if (p.groupId === group.id)
      say(`  online in ${group.name}: ${p.online.map((id) => names.get(id) ?? id).join(', ')}`);
  });
  socket.on('notification:new', (n) => say(`  🔔 ${n.title}`));

  let lastTyping = 0;
  process.stdin.on('keypress', () => {
    if (Date.now() - lastTyping > 2000 && socket.connected) {
      lastTyping = Date.now();
      socket.emit('typing', { channelId: channel.id });
    }
  });
  rl.on('line', async (line) => {
    const body = line.trimEnd();
    if (body === '/quit') return rl.close();
    if (!body) return rl.prompt();
    const clientMsgId = randomUUID();
    // Retry with the same clientMsgId until acked: the server never stores it twice.
    for (let attempt = 0; attempt < 5; attempt++) {
      try {
        const ack = await socket
          .timeout(5000)
          .emitWithAck('message:send', { channelId: channel.id, body, clientMsgId });
        if (ack.ok) show(ack.message);
        else say(`! not sent: ${ack.error.code}: ${ack.error.message}`);
        return;
      } catch {
        say('! no answer yet; retrying…');
      }
    }
    say('! gave up sending; check the connection');
  });
  rl.on('close', () => {
    socket.close();
    process.exit(0);
  });
  rl.prompt();
}

main().catch((e) => {
  process.stderr.write(`demo-chat: ${e.message}\n`);
  process.exit(1);
});
