// The baseline of the target benchmark: a bare Fastify route answering a /me-sized JSON body,
// with no auth, workspace resolution, rate limit, validation or database.
import Fastify from 'fastify';

const body = {
  data: {
    user: { id: 1, ulid: '01jbench0000000000000000000', name: 'Bench', email: 'bench@example.org', avatar_url: null, timezone: 'UTC' },
    workspace: { id: 1, ulid: '01jbench0000000000000000001', name: 'Bench', slug: 'bench' },
  },
};
const app = Fastify({ logger: false });
app.get('/api/me', async () => body);
const address = await app.listen({ port: 0, host: '127.0.0.1' });
process.stdout.write(`bare fastify listening on ${address}\n`);
const close = (): void => void app.close().then(() => process.exit(0));
process.on('SIGTERM', close);
process.on('SIGINT', close);
