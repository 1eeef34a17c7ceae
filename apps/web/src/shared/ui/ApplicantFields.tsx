import { SegmentedControl, SimpleGrid, Stack, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { ApplicantClaimField, ApplicantDraft, ApplicantErrors, ApplicantField } from '../applicant.ts';
import { VerifiedLabel } from './VerifiedLabel.tsx';

interface Props {
  value: ApplicantDraft;
  onChange: (value: ApplicantDraft) => void;
  errors: ApplicantErrors;
  phoneRequired?: boolean;
  /** Put the cursor in the name field when shown. */
  autoFocus?: boolean;
  /** Two columns on a wide counter screen; one on a phone. */
  columns?: { base: number; sm?: number; md?: number };
  /**
   * Fields the signed-in person's e-ID vouches for: read-only and marked "Đã xác thực qua VNeID".
   * With any, the applicant's kind is fixed too (it is the identity's).
   */
  verified?: readonly ApplicantClaimField[];
}

/** Who files: a citizen or an organization, the name, ID number, phone, email and address. */
export function ApplicantFields({ value, onChange, errors, phoneRequired = false, autoFocus = false, columns = { base: 1, sm: 2 }, verified = [] }: Props) {
  const { t } = useTranslation();
  const org = value.kind === 'organization';
  const locked = new Set<keyof ApplicantDraft>(verified);
  const set = (field: keyof ApplicantDraft) => (event: { currentTarget: { value: string } }) => {
    if (!locked.has(field)) onChange({ ...value, [field]: event.currentTarget.value });
  };
  /** Label and read-only state of a field, marked when the e-ID vouches for it. */
  const field = (name: keyof ApplicantDraft, label: string) =>
    locked.has(name) ? { label: <VerifiedLabel label={label} />, readOnly: true, 'data-verified': true } : { label };
  const error = (field: ApplicantField, invalid: string) =>
    errors[field] === 'required' ? t('dossier.applicant.required') : errors[field] === 'invalid' ? invalid : undefined;

  return (
    <Stack gap="sm">
      <SegmentedControl
        aria-label={t('dossier.applicant.kind')}
        value={value.kind}
        onChange={(kind) => onChange({ ...value, kind: kind as ApplicantDraft['kind'] })}
        disabled={locked.size > 0}
        data={[
          { value: 'citizen', label: t('dossier.applicantKinds.citizen') },
          { value: 'organization', label: t('dossier.applicantKinds.organization') },
        ]}
        style={{ alignSelf: 'flex-start' }}
      />
      <SimpleGrid cols={columns} spacing="sm" verticalSpacing="xs">
        <TextInput
          {...field('name', t(org ? 'dossier.applicant.orgName' : 'dossier.applicant.name'))}
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
          {...field('idNumber', t(org ? 'dossier.applicant.taxCode' : 'dossier.applicant.idNumber'))}
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
            {...field('representative', t('dossier.applicant.representative'))}
            value={value.representative}
            onChange={set('representative')}
            maxLength={200}
            autoComplete="name"
            name="applicant-representative"
          />
        )}
        <TextInput
          {...field('phone', t('dossier.applicant.phone'))}
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
          {...field('email', t('dossier.applicant.email'))}
          value={value.email}
          onChange={set('email')}
          error={error('email', t('dossier.applicant.emailInvalid'))}
          type="email"
          maxLength={200}
          autoComplete="email"
          name="applicant-email"
        />
        <TextInput
          {...field('address', t('dossier.applicant.address'))}
          value={value.address}
          onChange={set('address')}
          maxLength={300}
          autoComplete="street-address"
          name="applicant-address"
          style={org ? undefined : { gridColumn: '1 / -1' }}
        />
      </SimpleGrid>
    </Stack>
  );
}
