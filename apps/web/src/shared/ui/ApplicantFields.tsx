import { SegmentedControl, SimpleGrid, Stack, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { ApplicantDraft, ApplicantErrors, ApplicantField } from '../applicant.ts';

interface Props {
  value: ApplicantDraft;
  onChange: (value: ApplicantDraft) => void;
  errors: ApplicantErrors;
  phoneRequired?: boolean;
  /** Put the cursor in the name field when shown. */
  autoFocus?: boolean;
  /** Two columns on a wide counter screen; one on a phone. */
  columns?: { base: number; sm?: number; md?: number };
}

/** Who files: a citizen or an organization, the name, ID number, phone, email and address. */
export function ApplicantFields({ value, onChange, errors, phoneRequired = false, autoFocus = false, columns = { base: 1, sm: 2 } }: Props) {
  const { t } = useTranslation();
  const org = value.kind === 'organization';
  const set = (field: keyof ApplicantDraft) => (event: { currentTarget: { value: string } }) =>
    onChange({ ...value, [field]: event.currentTarget.value });
  const error = (field: ApplicantField, invalid: string) =>
    errors[field] === 'required' ? t('dossier.applicant.required') : errors[field] === 'invalid' ? invalid : undefined;

  return (
    <Stack gap="sm">
      <SegmentedControl
        aria-label={t('dossier.applicant.kind')}
        value={value.kind}
        onChange={(kind) => onChange({ ...value, kind: kind as ApplicantDraft['kind'] })}
        data={[
          { value: 'citizen', label: t('dossier.applicantKinds.citizen') },
          { value: 'organization', label: t('dossier.applicantKinds.organization') },
        ]}
        style={{ alignSelf: 'flex-start' }}
      />
      <SimpleGrid cols={columns} spacing="sm" verticalSpacing="xs">
        <TextInput
          label={t(org ? 'dossier.applicant.orgName' : 'dossier.applicant.name')}
          value={value.name}
          onChange={set('name')}
          error={error('name', '')}
          required
          maxLength={200}
          autoComplete={org ? 'organization' : 'name'}
          data-autofocus={autoFocus || undefined}
          autoFocus={autoFocus}
          name="applicant-name"
        />
        <TextInput
          label={t(org ? 'dossier.applicant.taxCode' : 'dossier.applicant.idNumber')}
          value={value.idNumber}
          onChange={set('idNumber')}
          error={error('idNumber', t('dossier.applicant.idNumberInvalid'))}
          maxLength={24}
          inputMode={org ? 'text' : 'numeric'}
          classNames={{ input: 'motcua-code' }}
          autoComplete="off"
          name="applicant-id"
        />
        {org && (
          <TextInput
            label={t('dossier.applicant.representative')}
            value={value.representative}
            onChange={set('representative')}
            maxLength={200}
            autoComplete="name"
          />
        )}
        <TextInput
          label={t('dossier.applicant.phone')}
          value={value.phone}
          onChange={set('phone')}
          error={error('phone', t('dossier.applicant.phoneInvalid'))}
          required={phoneRequired}
          type="tel"
          inputMode="tel"
          maxLength={20}
          autoComplete="tel"
          name="applicant-phone"
        />
        <TextInput
          label={t('dossier.applicant.email')}
          value={value.email}
          onChange={set('email')}
          error={error('email', t('dossier.applicant.emailInvalid'))}
          type="email"
          maxLength={200}
          autoComplete="email"
        />
        <TextInput
          label={t('dossier.applicant.address')}
          value={value.address}
          onChange={set('address')}
          maxLength={300}
          autoComplete="street-address"
          style={org ? undefined : { gridColumn: '1 / -1' }}
        />
      </SimpleGrid>
    </Stack>
  );
}
