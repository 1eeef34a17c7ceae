import { ActionIcon, Anchor, Button, FileButton, Group, Progress, Stack, Text } from '@mantine/core';
import { IconFile, IconPaperclip, IconX } from '@tabler/icons-react';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../api.ts';
import { localized, useLanguage } from '../i18n/index.ts';
import { acceptedMediaTypes, formatFileSize, uploadFile, uploadRefusal, type UploadedFile } from '../upload.ts';

interface Props {
  files: UploadedFile[];
  onChange: (files: UploadedFile[]) => void;
  /** Citizen portal: the public upload, which answers with upload tokens. */
  publicUpload?: boolean;
  /** Staff may open what was uploaded. */
  viewUrl?: (file: UploadedFile) => string;
  /** Tells the form how many uploads are still running (it should not submit meanwhile). */
  onBusyChange?: (busy: number) => void;
  label: string;
  /** Names the papers the button is for, for screen readers ("Đính kèm: Tờ khai…"). */
  accessibleName: string;
  size?: 'xs' | 'sm';
  maxFiles?: number;
}

interface Running {
  key: number;
  name: string;
  progress: number;
  error?: string;
}

/**
 * Attach scans (PDF, JPEG, PNG, ≤ 10 MB): each file uploads at once with its progress shown;
 * uploaded files can be removed again. Refusals (type, size, server) appear on the file's line.
 */
export function FileAttach({ files, onChange, publicUpload, viewUrl, onBusyChange, label, accessibleName, size = 'xs', maxFiles = 20 }: Props) {
  const { t } = useTranslation();
  const language = useLanguage();
  const [running, setRunning] = useState<Running[]>([]);
  const latest = useRef(files);
  latest.current = files;
  const counter = useRef(0);
  const busy = running.filter((r) => !r.error).length;
  const reportBusy = useRef(onBusyChange);
  reportBusy.current = onBusyChange;
  useEffect(() => reportBusy.current?.(busy), [busy]);

  function start(selected: File[]) {
    for (const file of selected.slice(0, Math.max(0, maxFiles - files.length))) {
      const key = ++counter.current;
      const refusal = uploadRefusal(file);
      if (refusal) {
        const error = t(refusal === 'type' ? 'upload.refusedType' : 'upload.refusedSize');
        setRunning((list) => [...list, { key, name: file.name, progress: 0, error }]);
        continue;
      }
      setRunning((list) => [...list, { key, name: file.name, progress: 0 }]);
      uploadFile(file, {
        public: publicUpload,
        onProgress: (progress) => setRunning((list) => list.map((r) => (r.key === key ? { ...r, progress } : r))),
      }).then(
        (uploaded) => {
          setRunning((list) => list.filter((r) => r.key !== key));
          onChange([...latest.current, uploaded]);
        },
        (error: unknown) => {
          const message = isApiError(error) ? localized(error.messages, language) : t('errors.unexpected');
          setRunning((list) => list.map((r) => (r.key === key ? { ...r, error: message } : r)));
        },
      );
    }
  }

  return (
    <Stack gap={4}>
      {files.map((file) => (
        <Group key={file.id} gap={4} wrap="nowrap">
          <IconFile size={14} aria-hidden="true" color="var(--mantine-color-gray-6)" style={{ flex: 'none' }} />
          {viewUrl ? (
            <Anchor href={viewUrl(file)} target="_blank" rel="noopener" size="xs" truncate="end" maw={180}>{file.name}</Anchor>
          ) : (
            <Text size="xs" truncate="end" maw={220}>{file.name}</Text>
          )}
          <Text size="xs" c="gray.6" style={{ flex: 'none' }}>{formatFileSize(file.size)}</Text>
          <ActionIcon
            size="sm"
            variant="subtle"
            color="gray"
            aria-label={t('upload.remove', { name: file.name })}
            onClick={() => onChange(files.filter((f) => f.id !== file.id))}
          >
            <IconX size={14} aria-hidden="true" />
          </ActionIcon>
        </Group>
      ))}
      {running.map((r) => (
        <Stack key={r.key} gap={2}>
          <Group gap={4} wrap="nowrap">
            <Text size="xs" truncate="end" maw={200} c={r.error ? 'red.8' : undefined}>{r.name}</Text>
            {r.error && (
              <ActionIcon size="sm" variant="subtle" color="gray" aria-label={t('upload.dismiss')} onClick={() => setRunning((list) => list.filter((x) => x.key !== r.key))}>
                <IconX size={14} aria-hidden="true" />
              </ActionIcon>
            )}
          </Group>
          {r.error ? (
            <Text size="xs" c="red.8" role="alert">{r.error}</Text>
          ) : (
            <Progress value={Math.round(r.progress * 100)} size="sm" aria-label={t('upload.progress', { name: r.name, percent: Math.round(r.progress * 100) })} />
          )}
        </Stack>
      ))}
      {files.length < maxFiles && (
        <FileButton onChange={start} accept={acceptedMediaTypes.join(',')} multiple>
          {(props) => (
            <Button {...props} size={size} variant="default" leftSection={<IconPaperclip size={14} aria-hidden="true" />} aria-label={accessibleName} style={{ alignSelf: 'flex-start' }}>
              {label}
            </Button>
          )}
        </FileButton>
      )}
    </Stack>
  );
}
