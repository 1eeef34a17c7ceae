import '@mantine/dates/styles.css';
import { DatePickerInput, DatesProvider, type DatePickerInputProps } from '@mantine/dates';
import 'dayjs/locale/vi';
import { useLanguage } from '../i18n/index.ts';

type Props = Omit<DatePickerInputProps<'default'>, 'type' | 'value' | 'onChange'> & {
  /** A calendar date `YYYY-MM-DD`, or '' for none. */
  value: string;
  onChange: (value: string) => void;
};

/** A calendar date picked on a month view and shown as dd/mm/yyyy; weeks start on Monday. */
export function DateField({ value, onChange, ...props }: Props) {
  const language = useLanguage();
  return (
    <DatesProvider settings={{ locale: language === 'vi' ? 'vi' : 'en', firstDayOfWeek: 1 }}>
      <DatePickerInput
        valueFormat="DD/MM/YYYY"
        placeholder="dd/mm/yyyy"
        {...props}
        value={value || null}
        onChange={(next) => onChange(next ?? '')}
      />
    </DatesProvider>
  );
}
