/**
 * What the demo's stand-ins received — e-mails caught by the mail catcher, SMS and chat messages
 * taken by the development gateway — newest first, so that a newcomer sees Motcua's
 * notifications without an account anywhere. Kept as JSON lines under `<DATA_DIR>/dev-mailbox/`
 * (it survives a restart) and bounded: the oldest are forgotten past `limit`.
 */
import fs from 'node:fs';
import path from 'node:path';
import { randomBytes } from 'node:crypto';

interface Common {
  /** The stand-in's own id of the message (the gateway's `messageId`, the SMTP queue id). */
  id: string;
  receivedAt: string;
}

export interface MailboxEmail extends Common {
  kind: 'email';
  from: string;
  to: string[];
  subject: string;
  text: string;
}

export interface MailboxTextMessage extends Common {
  kind: 'sms' | 'chat';
  /** The notification id Motcua gave the message. */
  notificationId: number;
  to: string;
  text: string;
  link: string | null;
  locale: string;
}

export type MailboxEntry = MailboxEmail | MailboxTextMessage;
export type NewMailboxEntry = Omit<MailboxEmail, 'id'> | Omit<MailboxTextMessage, 'id'>;

export interface DevMailbox {
  readonly directory: string;
  add(entry: NewMailboxEntry): MailboxEntry;
  /** Newest first. */
  list(): MailboxEntry[];
}

const fileName = 'messages.jsonl';

export function openDevMailbox(directory: string, options: { limit?: number } = {}): DevMailbox {
  const limit = options.limit ?? 500;
  const file = path.join(directory, fileName);
  // Oldest first in memory and on disk, as appended.
  let entries = readEntries(file).slice(-limit);
  let linesOnDisk = entries.length;
  return {
    directory,
    add(entry) {
      const stored = { ...entry, id: `${entry.kind}-${randomBytes(6).toString('hex')}` } as MailboxEntry;
      entries.push(stored);
      if (entries.length > limit) entries = entries.slice(-limit);
      fs.mkdirSync(directory, { recursive: true });
      // Appending is cheap; the file is rewritten only once it holds twice what is kept.
      if (linesOnDisk + 1 > 2 * limit) {
        const temporary = `${file}.tmp`;
        fs.writeFileSync(temporary, entries.map((e) => JSON.stringify(e) + '\n').join(''));
        fs.renameSync(temporary, file);
        linesOnDisk = entries.length;
      } else {
        fs.appendFileSync(file, JSON.stringify(stored) + '\n');
        linesOnDisk += 1;
      }
      return stored;
    },
    list: () => [...entries].reverse(),
  };
}

/** The lines of a previous run; a torn last line (a crash mid-write) is skipped. */
function readEntries(file: string): MailboxEntry[] {
  let text: string;
  try {
    text = fs.readFileSync(file, 'utf8');
  } catch {
    return [];
  }
  const entries: MailboxEntry[] = [];
  for (const line of text.split('\n')) {
    if (!line.trim()) continue;
    try {
      entries.push(JSON.parse(line) as MailboxEntry);
    } catch {
      // skipped
    }
  }
  return entries;
}
