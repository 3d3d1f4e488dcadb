/** One event of a `text/event-stream`, as the HTML standard's parser dispatches it. */
export interface ServerSentEvent {
  event: string;
  data: string;
  id: string | undefined;
}

/**
 * A pass-through stream that hands every event of a `text/event-stream` to `onEvent` as its bytes go by,
 * unchanged and unbuffered: an event stream never ends, so it cannot be read to its end beside the caller.
 * Lines end with CRLF, LF or CR; a blank line dispatches the event; a line starting with `:` is a comment; an
 * event cut off by the end of the stream is never dispatched.
 */
export function serverSentEventFrames(
  onEvent: (event: ServerSentEvent) => void,
): TransformStream<Uint8Array, Uint8Array> {
  const decoder = new TextDecoder();
  let pending = '';
  let event = 'message';
  let data: string[] = [];
  let id: string | undefined;

  const readLine = (line: string) => {
    if (line === '') {
      if (data.length > 0) onEvent({ event, data: data.join('\n'), id });
      event = 'message';
      data = [];
      return;
    }
    const colon = line.indexOf(':');
    if (colon === 0) return;
    const field = colon < 0 ? line : line.slice(0, colon);
    const value = colon < 0 ? '' : line.slice(colon + (line[colon + 1] === ' ' ? 2 : 1));
    if (field === 'data') data.push(value);
    else if (field === 'event') event = value;
    else if (field === 'id' && !value.includes('\0')) id = value;
  };
  // A CR that ends a chunk may be the first half of a CRLF: the LF starting the next chunk ends no line.
  let afterCarriageReturn = false;
  const readText = (text: string) => {
    if (text === '') return;
    const rest = afterCarriageReturn && text.startsWith('\n') ? text.slice(1) : text;
    afterCarriageReturn = text.endsWith('\r');
    const lines = (pending + rest).split(/\r\n|\r|\n/);
    pending = lines.pop() ?? '';
    for (const line of lines) readLine(line);
  };

  return new TransformStream({
    transform(chunk, controller) {
      controller.enqueue(chunk);
      readText(decoder.decode(chunk, { stream: true }));
    },
  });
}
