import { Select } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../../shared/api.ts';
import { localized, useLanguage } from '../../shared/i18n/index.ts';
import { defaultCounter, useAgencyCounters, type BookAgency, type BookCounter } from './trackingBook.api.ts';

/**
 * The counter a desk print starts from (form 07's tracking book, the QR posters): the agency,
 * when the user serves several, then one of its counters, preselected when there is one choice.
 * `openOnly` leaves closed counters out (a poster goes on the wall of a counter that is open;
 * a closed counter's book still holds past dossiers).
 */
export function useCounterChoice(agencies: readonly BookAgency[], { openOnly }: { openOnly: boolean }) {
  const [agencyId, setAgencyId] = useState(agencies[0]?.id);
  const [chosenCounter, setChosenCounter] = useState<string | null>(null);
  const query = useAgencyCounters(agencyId);
  const counters: readonly BookCounter[] = (query.data ?? []).filter((c) => !openOnly || c.active);
  return {
    agencies,
    agency: agencies.find((a) => a.id === agencyId),
    query,
    counters,
    counterId: chosenCounter ?? defaultCounter(counters)?.id ?? null,
    chooseAgency(id: string) {
      setAgencyId(id);
      setChosenCounter(null);
    },
    chooseCounter: setChosenCounter,
  };
}

export type CounterChoice = ReturnType<typeof useCounterChoice>;

/** The texts of the two fields, in the dialog's own words. */
export interface CounterChoiceTexts {
  agency: string;
  counter: string;
  counterPlaceholder: string;
  countersFailed: string;
  noCounters: string;
}

/** The agency field (only when there are several) and the counter field of a `useCounterChoice`. */
export function CounterFields({ choice, texts, agencyLabel = (a) => a.name, counterLabel = (c) => c.name }: {
  choice: CounterChoice;
  texts: CounterChoiceTexts;
  agencyLabel?: (agency: BookAgency) => string;
  counterLabel?: (counter: BookCounter) => string;
}) {
  const { t } = useTranslation();
  const language = useLanguage();
  const { query } = choice;
  const error = query.isError
    ? `${texts.countersFailed}: ${isApiError(query.error) ? localized(query.error.messages, language) : t('errors.network')}`
    : query.data && choice.counters.length === 0 ? texts.noCounters : undefined;
  return (
    <>
      {choice.agencies.length > 1 && (
        <Select
          label={texts.agency}
          data={choice.agencies.map((a) => ({ value: a.id, label: agencyLabel(a) }))}
          value={choice.agency?.id ?? null}
          onChange={(value) => value && choice.chooseAgency(value)}
          allowDeselect={false}
        />
      )}
      <Select
        label={texts.counter}
        placeholder={query.isPending ? t('common.loading') : texts.counterPlaceholder}
        data={choice.counters.map((c) => ({ value: c.id, label: counterLabel(c) }))}
        value={choice.counterId}
        onChange={choice.chooseCounter}
        error={error}
        allowDeselect={false}
        required
        data-autofocus
      />
    </>
  );
}
