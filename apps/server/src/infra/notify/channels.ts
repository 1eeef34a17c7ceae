/**
 * The channel adapters of this process, built once from the configuration (docs/jobs.md): the
 * dispatcher looks a message's channel up in this map, and a channel missing from it is not
 * configured. SMS and chat webhooks (`webhook.ts`) are added here alongside e-mail.
 */
import type { Config } from '../../config.ts';
import type { ChannelAdapters } from '../../modules/notifications/dispatcher.ts';
import { smtpChannel } from './smtp.ts';

export interface ChannelOverrides {
  /** Where e-mail goes instead of the configured SMTP_URL (the demo's mail catcher on the port it got). */
  smtpUrl?: string | undefined;
}

export function buildChannels(config: Pick<Config, 'notifications'>, overrides: ChannelOverrides = {}): ChannelAdapters {
  const { email } = config.notifications;
  const channels: ChannelAdapters = {};
  if (email) channels.email = smtpChannel({ smtpUrl: overrides.smtpUrl ?? email.smtpUrl, from: email.from });
  return channels;
}

export async function closeChannels(channels: ChannelAdapters): Promise<void> {
  await Promise.all(Object.values(channels).map((c) => c.close?.()));
}
