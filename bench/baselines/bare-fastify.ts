// Baseline for G5: a bare Fastify "hello" on an ephemeral port (prints the port).
import Fastify from 'fastify';

const app = Fastify({ logger: false });
app.get('/hello', async () => ({ hello: 'world' }));
app.listen({ port: 0, host: '127.0.0.1' }).then(
  () => {
    const address = app.server.address();
    process.stdout.write(`PORT ${typeof address === 'object' && address ? address.port : 0}\n`);
  },
  (e: Error) => {
    process.stderr.write(`bare-fastify: ${e.message}\n`);
    process.exit(1);
  },
);
process.on('SIGTERM', () => void app.close().then(() => process.exit(0)));
