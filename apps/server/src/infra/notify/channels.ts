/**
 * The channel adapters of this process, built once from the configuration (docs/jobs.md): the
 * dispatcher looks a message's channel up in this map, and a channel missing from it is not
 * configured. E-mail over SMTP (`smtp.ts`), SMS and chat over signed webhooks (`webhook.ts`).
 */
import type { Config } from '../../config.ts';
import type { ChannelAdapters } from '../../modules/notifications/dispatcher.ts';
import { smtpChannel } from './smtp.ts';
import { chatChannel, smsChannel } from './webhook.ts';

export function buildChannels(config: Pick<Config, 'notifications'>): ChannelAdapters {
  const { email, sms, chat } = config.notifications;
  const channels: ChannelAdapters = {};
  if (email) channels.email = smtpChannel({ smtpUrl: email.smtpUrl, from: email.from });
  if (sms) channels.sms = smsChannel(sms);
  if (chat) channels.chat = chatChannel(chat);
  return channels;
}

export async function closeChannels(channels: ChannelAdapters): Promise<void> {
  await Promise.all(Object.values(channels).map((c) => c.close?.()));
}
