import type { Server, ServerResponse } from 'node:http';

export interface ConnectionDrain {
  /** From now on every answer says `Connection: close`, so a client's kept-alive connection moves elsewhere. */
  markDraining(): void;
  /**
   * Stops taking connections, lets the requests in flight finish, and resolves once every connection is closed:
   * the idle ones at once, the others after their answer, and whatever is left once `timeoutMs` has passed.
   * Resolves with how many requests were cut then.
   */
  close(timeoutMs: number): Promise<{ cut: number }>;
}

/** Tracks a Node HTTP server's requests in flight, to stop it without losing one (a drain on SIGTERM). */
export function trackConnections(server: Server): ConnectionDrain {
  const inFlight = new Set<ServerResponse>();
  let draining = false;
  const closeWhenDone = (response: ServerResponse) => {
    // Before the answer's headers go out: once they have, the connection's fate was sent with them.
    if (!response.headersSent) response.setHeader('connection', 'close');
  };
  // First among the listeners, so the header is set before the app writes anything.
  server.prependListener('request', (_request, response) => {
    inFlight.add(response);
    response.once('close', () => inFlight.delete(response));
    if (draining) closeWhenDone(response);
  });
  return {
    markDraining() {
      draining = true;
      for (const response of inFlight) closeWhenDone(response);
    },
    async close(timeoutMs) {
      this.markDraining();
      let cut = 0;
      const closed = new Promise<void>((resolve) => server.close(() => resolve()));
      const deadline = setTimeout(() => {
        cut = inFlight.size;
        server.closeAllConnections();
      }, timeoutMs);
      await closed;
      clearTimeout(deadline);
      return { cut };
    },
  };
}
