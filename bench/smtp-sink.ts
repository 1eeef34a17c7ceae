/**
 * The receiving end of the `notify` bench: a real SMTP server (smtp-server) in a child process of
 * its own, so that its work is not counted in the bench process. It accepts every message and
 * counts them by Message-ID; the parent asks for the counts over IPC ({ type: 'counts' }) and
 * clears them ({ type: 'clear' }). Prints its port as the first IPC message.
 */
import { SMTPServer } from 'smtp-server';

const seen = new Map<string, number>();
let withoutId = 0;

/** The Message-ID header of a message, read from its head (the body is not parsed). */
function messageIdOf(head: string): string | undefined {
  return /^message-id:\s*(<[^>\r\n]+>)/im.exec(head)?.[1];
}

const server = new SMTPServer({
  authOptional: true,
  disabledCommands: ['STARTTLS', 'AUTH'],
  logger: false,
  size: 1024 * 1024,
  onData(stream, _session, callback) {
    let head = '';
    stream.on('data', (chunk: Buffer) => {
      if (head.length < 8192 && !head.includes('\r\n\r\n')) head += chunk.toString('latin1');
    });
    stream.on('end', () => {
      const id = messageIdOf(head.split('\r\n\r\n')[0] ?? '');
      if (id) seen.set(id, (seen.get(id) ?? 0) + 1);
      else withoutId++;
      callback();
    });
  },
});

server.listen(0, '127.0.0.1', () => {
  process.send!({ type: 'port', port: (server.server.address() as { port: number }).port });
});

process.on('message', (m: { type: string }) => {
  if (m.type === 'counts') {
    let repeated = 0;
    for (const n of seen.values()) if (n > 1) repeated++;
    process.send!({ type: 'counts', distinct: seen.size, total: [...seen.values()].reduce((s, n) => s + n, 0), repeated, withoutId, ids: [...seen.keys()] });
  } else if (m.type === 'clear') {
    seen.clear();
    withoutId = 0;
    process.send!({ type: 'cleared' });
  } else if (m.type === 'stop') {
    server.close(() => process.exit(0));
  }
});
