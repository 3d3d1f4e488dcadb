import { createServer, type IncomingHttpHeaders, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/** One request a receiver got, as it came: the raw body is what a signature covers. */
export interface ReceivedRequest {
  /** The path and query the request was sent to. */
  path: string;
  headers: IncomingHttpHeaders;
  body: string;
  /** The `webhook-id` header. */
  webhookId: string;
  /** How many requests with this `webhook-id` came before this one, to this receiver, across restarts. */
  repeat: number;
}

/**
 * What the receiver does with a request: answer with a status (and headers), or `hang`: never answer, so the
 * sender's attempt times out.
 */
export type ReceiverReply = { status: number; headers?: Record<string, string> } | 'hang';

export interface WebhookReceiver {
  url: string;
  port: number;
  /** Every request, in arrival order, answered or not. */
  received: ReceivedRequest[];
  /** Stops listening and cuts every open connection (a hanging request included), as a killed process would. */
  kill(): Promise<void>;
  /** Listens again on the same port. */
  restart(): Promise<void>;
  /** What it answers; set another to change it from now on. */
  reply: (request: ReceivedRequest) => ReceiverReply;
  /** Each request's answer, by its index in `received` (`hang` for none). */
  answers: ReceiverReply[];
}

function listen(server: Server, port: number): Promise<number> {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => {
      server.off('error', reject);
      resolve((server.address() as AddressInfo).port);
    });
  });
}

/** A real HTTP receiver on 127.0.0.1, as a host's backend would run one, scripted by `reply`. */
export async function startWebhookReceiver(
  reply: (request: ReceivedRequest) => ReceiverReply = () => ({ status: 200 }),
): Promise<WebhookReceiver> {
  const seen = new Map<string, number>();
  const hanging = new Set<ServerResponse>();
  let server: Server;
  const receiver: WebhookReceiver = {
    url: '',
    port: 0,
    received: [],
    answers: [],
    reply,
    async kill() {
      for (const response of hanging) response.destroy();
      hanging.clear();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
    async restart() {
      server = serve();
      await listen(server, receiver.port);
    },
  };
  const serve = () =>
    createServer((request, response) => {
      const chunks: Buffer[] = [];
      request.on('data', (chunk: Buffer) => chunks.push(chunk));
      request.on('end', () => {
        const webhookId = String(request.headers['webhook-id'] ?? '');
        const repeat = seen.get(webhookId) ?? 0;
        seen.set(webhookId, repeat + 1);
        const received = {
          path: request.url ?? '',
          headers: request.headers,
          body: Buffer.concat(chunks).toString('utf8'),
          webhookId,
          repeat,
        };
        receiver.received.push(received);
        const answer = receiver.reply(received);
        receiver.answers.push(answer);
        if (answer === 'hang') {
          hanging.add(response);
          response.on('close', () => hanging.delete(response));
          return;
        }
        response.writeHead(answer.status, answer.headers).end();
      });
    });
  server = serve();
  receiver.port = await listen(server, 0);
  receiver.url = `http://127.0.0.1:${receiver.port}/hooks/creditkit`;
  return receiver;
}
