/**
 * LISTEN on a PostgreSQL server through a connection of its own (a pooled one would be handed to
 * queries and lose its LISTEN). When that connection drops (server restart, failover, an idle
 * cut, pg_terminate_backend), notices sent in the meantime are lost: `gap` is called at once and
 * again once a new connection listens, so that whoever caches forgets everything; reconnection is
 * retried with a growing delay, for as long as the listener is open.
 */
import pg from 'pg';

export interface ListenHandlers {
  /** A notice on the channel, with its payload. */
  notify(payload: string): void;
  /** Notices may have been missed (the connection dropped, or a new one just started listening). */
  gap(): void;
}

export interface Listener {
  /** Whether a connection is listening right now. */
  readonly connected: boolean;
  close(): Promise<void>;
}

export interface ServerListenOptions {
  /** Waits before each reconnection attempt; the last one repeats. */
  retryDelaysMs?: readonly number[];
  onError?: (error: Error) => void;
}

export async function listenOnServer(connectionString: string, channel: string, handlers: ListenHandlers, options: ServerListenOptions = {}): Promise<Listener> {
  if (!/^[a-z_][a-z0-9_]*$/.test(channel)) throw new Error(`bad channel name: ${channel}`);
  const delays = options.retryDelaysMs?.length ? options.retryDelaysMs : [250, 500, 1000, 2000, 5000];
  let client: pg.Client | undefined;
  let closed = false;
  let failures = 0;
  let timer: NodeJS.Timeout | undefined;

  const lost = (c: pg.Client, error?: Error) => {
    if (error) options.onError?.(error);
    if (client !== c) return;
    client = undefined;
    handlers.gap();
    c.end().catch(() => {});
    schedule();
  };
  const schedule = () => {
    if (closed || timer) return;
    timer = setTimeout(() => {
      timer = undefined;
      void connect();
    }, delays[Math.min(failures, delays.length - 1)]);
    timer.unref();
  };
  /** One attempt; never throws (a failure schedules the next attempt). */
  const connect = async (): Promise<void> => {
    const c = new pg.Client({ connectionString, application_name: 'motcua-listener' });
    c.on('notification', (n) => {
      if (n.channel === channel) handlers.notify(n.payload ?? '');
    });
    c.on('error', (error) => lost(c, error));
    c.on('end', () => lost(c));
    try {
      await c.connect();
      await c.query(`LISTEN ${channel}`);
    } catch (error) {
      options.onError?.(error as Error);
      await c.end().catch(() => {});
      failures++;
      schedule();
      return;
    }
    if (closed) {
      await c.end().catch(() => {});
      return;
    }
    client = c;
    failures = 0;
    handlers.gap();
  };

  // A server that does not answer yet is retried like a dropped connection; caches keep their
  // time limit meanwhile.
  await connect();
  return {
    get connected() {
      return client !== undefined;
    },
    async close() {
      closed = true;
      if (timer) clearTimeout(timer);
      const c = client;
      client = undefined;
      if (c) {
        c.removeAllListeners('end');
        await c.end().catch(() => {});
      }
    },
  };
}
