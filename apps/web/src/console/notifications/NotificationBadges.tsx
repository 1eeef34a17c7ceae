import { Badge, Group, Text, type BadgeProps } from '@mantine/core';
import { IconDeviceMobileMessage, IconMail, IconMessageCircle } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { DeliveryStatus, NotificationChannel } from '@motcua/domain';

// Filled red needs its darker shade for white text to read (WCAG AA).
const statusColors: Record<DeliveryStatus, string> = { queued: 'gray', sending: 'blue', sent: 'teal', delivered: 'green', failed: 'red.9' };

/** A message's delivery status as a chip: Đang chờ, Đang gửi, Đã gửi, Đã nhận, Thất bại. */
export function DeliveryStatusBadge({ status, ...props }: { status: DeliveryStatus } & BadgeProps) {
  const { t } = useTranslation();
  return (
    <Badge color={statusColors[status]} variant={status === 'failed' ? 'filled' : 'light'} data-status={status} {...props}>
      {t(`notifications.status.${status}`)}
    </Badge>
  );
}

const channelIcons = { email: IconMail, sms: IconDeviceMobileMessage, chat: IconMessageCircle } as const;

export function ChannelLabel({ channel }: { channel: NotificationChannel }) {
  const { t } = useTranslation();
  const Icon = channelIcons[channel];
  return (
    <Group gap={4} wrap="nowrap">
      <Icon size={15} stroke={1.6} aria-hidden="true" color="var(--mantine-color-gray-7)" />
      <Text size="sm" span style={{ whiteSpace: 'nowrap' }}>{t(`notifications.channel.${channel}`)}</Text>
    </Group>
  );
}
