export interface ServerSentMessage {
  id: string | undefined;
  event: string;
  data: string;
  /** The reconnection delay the server asked for, in ms. */
  retry: number | undefined;
}

/**
 * Reads a `text/event-stream` body as the HTML standard describes: fields per line, a blank line
 * ends a message, `:` starts a comment (the server's keep-alive).
 */
export async function* readServerSentEvents(body: ReadableStream<Uint8Array>): AsyncGenerator<ServerSentMessage> {
  const reader = body.getReader();
  const decoder = new TextDecoder();
  let buffer = '';
  let message: ServerSentMessage = { id: undefined, event: 'message', data: '', retry: undefined };
  let hasData = false;
  try {
    for (;;) {
      const { value, done } = await reader.read();
      if (done) return;
      buffer += decoder.decode(value, { stream: true });
      const lines = buffer.split(/\r\n|\r|\n/);
      buffer = lines.pop() ?? '';
      for (const line of lines) {
        if (line === '') {
          if (hasData) yield { ...message, data: message.data.slice(0, -1) };
          message = { id: message.id, event: 'message', data: '', retry: undefined };
          hasData = false;
          continue;
        }
        const colon = line.indexOf(':');
        if (colon === 0) continue;
        const field = colon < 0 ? line : line.slice(0, colon);
        const value = colon < 0 ? '' : line.slice(colon + (line[colon + 1] === ' ' ? 2 : 1));
        if (field === 'data') {
          message.data += `${value}\n`;
          hasData = true;
        } else if (field === 'event') message.event = value;
        else if (field === 'id' && !value.includes('\0')) message.id = value;
        else if (field === 'retry' && /^\d+$/.test(value)) message.retry = Number(value);
      }
    }
  } finally {
    await reader.cancel().catch(() => undefined);
  }
}
