import '@mantine/dates/styles.css';
import { DateInput, DatesProvider, type DateInputProps } from '@mantine/dates';
import 'dayjs/locale/vi';
import { parseTypedDate } from '../dateText.ts';
import { useLanguage } from '../i18n/index.ts';

type Props = Omit<DateInputProps, 'value' | 'onChange' | 'valueFormat' | 'dateParser'> & {
  /** A calendar date `YYYY-MM-DD`, or '' for none. */
  value: string;
  onChange: (value: string) => void;
};

/**
 * A calendar date typed as dd/mm/yyyy (or picked on a calendar), whatever the browser's language:
 * the native date input shows mm/dd/yyyy on an English-language phone or PC, which a Vietnamese
 * reader takes for dd/mm. Typing suits a birth date decades ago better than paging a calendar.
 */
export function TypedDateField({ value, onChange, ...props }: Props) {
  const language = useLanguage();
  return (
    <DatesProvider settings={{ locale: language === 'vi' ? 'vi' : 'en', firstDayOfWeek: 1 }}>
      <DateInput
        valueFormat="DD/MM/YYYY"
        placeholder="dd/mm/yyyy"
        inputMode="numeric"
        {...props}
        dateParser={parseTypedDate}
        value={value || null}
        onChange={(next) => onChange(next ?? '')}
      />
    </DatesProvider>
  );
}
