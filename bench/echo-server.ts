import Fastify from 'fastify';

/**
 * Bare Fastify server that returns each POSTed JSON body unchanged. It is the throughput
 * ceiling for a Node.js HTTP framework on this machine, so HiLink paths are reported as a
 * fraction of it. Runs as a forked child process and sends its port over IPC.
 */
async function main(): Promise<void> {
  const app = Fastify({ logger: false });
  app.post('/echo', async (request) => request.body);
  const address = await app.listen({ port: 0, host: '127.0.0.1' });
  process.send?.({ port: Number(new URL(address).port) });
  process.once('SIGTERM', () => {
    void app.close().then(() => process.exit(0));
  });
}

main().catch((error: unknown) => {
  process.stderr.write(`The echo server failed to start: ${String(error)}\n`);
  process.exit(1);
});
