import { describe, expect, it } from 'vitest';
import { readServerSentEvents } from '../../src/internal/sse';

function streamOf(...chunks: string[]) {
  const encoder = new TextEncoder();
  return new ReadableStream<Uint8Array>({
    start(controller) {
      for (const chunk of chunks) controller.enqueue(encoder.encode(chunk));
      controller.close();
    },
  });
}

async function readAll(stream: ReadableStream<Uint8Array>) {
  const messages = [];
  for await (const message of readServerSentEvents(stream)) messages.push(message);
  return messages;
}

describe('readServerSentEvents', () => {
  it('joins data lines, keeps the last id and skips comments', async () => {
    const messages = await readAll(
      streamOf(': keep-alive\n\n', 'id: 7\nevent: limit.reached\ndata: {"a":\ndata: 1}\n\n'),
    );
    expect(messages).toEqual([{ id: '7', event: 'limit.reached', data: '{"a":\n1}', retry: undefined }]);
  });

  it('reads messages split across chunks, even inside a multi-byte character', async () => {
    const bytes = new TextEncoder().encode('data: crédits\n\n');
    const split = bytes.indexOf(0xc3) + 1;
    const stream = new ReadableStream<Uint8Array>({
      start(controller) {
        controller.enqueue(bytes.slice(0, split));
        controller.enqueue(bytes.slice(split));
        controller.close();
      },
    });
    expect((await readAll(stream)).map((message) => message.data)).toEqual(['crédits']);
  });

  it('accepts CRLF line ends and the retry field', async () => {
    const messages = await readAll(streamOf('retry: 2500\r\ndata: x\r\n\r\n'));
    expect(messages).toEqual([{ id: undefined, event: 'message', data: 'x', retry: 2500 }]);
  });

  it('carries the last event id over to later messages that do not set one', async () => {
    const messages = await readAll(streamOf('id: 1\ndata: a\n\ndata: b\n\n'));
    expect(messages.map((message) => message.id)).toEqual(['1', '1']);
  });

  it('drops a message left unfinished when the stream ends', async () => {
    expect(await readAll(streamOf('data: complete\n\ndata: cut off'))).toHaveLength(1);
  });
});
