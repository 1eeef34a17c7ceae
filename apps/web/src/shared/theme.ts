/**
 * The Motcua design system, as a Mantine theme. Built for officers who spend the whole working day
 * in dense tables and forms: neutral surfaces, one calm deep red for actions (a nod to the state
 * identity), gold only as a thin accent, compact controls, 14–15 px text with tabular figures,
 * and a blue focus ring that never reads as an error.
 */
import { DEFAULT_THEME, createTheme, mergeThemeOverrides, defaultVariantColorsResolver, parseThemeColor, type CSSVariablesResolver, type MantineColorsTuple, type MantineThemeOverride, type VariantColorsResolver } from '@mantine/core';

/** Deep lacquer red. Shade 7 (#a3262b) on white is 7.3:1; white text on it passes AA. */
const brand: MantineColorsTuple = [
  '#fdf2f2', '#f9e2e2', '#f0c2c3', '#e59c9e', '#d9787b', '#cb575b', '#b93b40', '#a3262b', '#8a1d22', '#6e161a',
];

/** Muted gold, for accents (a stripe, an emblem), never for text on white below shade 8. */
const gold: MantineColorsTuple = [
  '#fdf8e9', '#f8edc8', '#f0da93', '#e7c65d', '#dfb536', '#d7a71c', '#c39413', '#a57b0c', '#83610b', '#654b0b',
];

/** Cool neutral grays: tables, borders, muted text. Shade 6 (#5c6570) on white is 5.9:1. */
const slate: MantineColorsTuple = [
  '#f6f7f9', '#eceef1', '#dde1e6', '#c7cdd4', '#a9b1ba', '#848d98', '#5c6570', '#48505a', '#353b43', '#23272d',
];

/**
 * Mantine's green, teal, orange and red with deeper shades 8–9: as text (a result "on time", a
 * light badge) Mantine's own are 3.4–4.4:1 on white or on their tint, under AA at 13–14 px.
 */
const deeper = (name: 'green' | 'teal' | 'orange' | 'red', eight: string, nine: string): MantineColorsTuple => {
  const shades = [...DEFAULT_THEME.colors[name]];
  shades[8] = eight;
  shades[9] = nine;
  return shades as unknown as MantineColorsTuple;
};
const statusColors = {
  green: deeper('green', '#237a38', '#1b6a2f'),
  teal: deeper('teal', '#077556', '#06694b'),
  orange: deeper('orange', '#c2410c', '#a63a08'),
  red: deeper('red', '#c92a2a', '#a61e1e'),
};

/** No web fonts: the app must render offline, and these system faces carry Vietnamese diacritics. */
const fontStack = 'system-ui, "Segoe UI", Roboto, "Noto Sans", "DejaVu Sans", sans-serif';
const monoStack = 'ui-monospace, "DejaVu Sans Mono", "Cascadia Mono", "Liberation Mono", Consolas, monospace';

/**
 * Light badges and buttons keep Mantine's tinted background but take their text from shade 9: the
 * default (shade 6 or so) is under 4.5:1 for green, teal and orange at badge size. Outline ones
 * take shade 8 (below).
 */
const variantColorResolver: VariantColorsResolver = (input) => {
  const colors = defaultVariantColorsResolver(input);
  if (input.variant !== 'light' && input.variant !== 'outline') return colors;
  const parsed = parseThemeColor({ color: input.color || input.theme.primaryColor, theme: input.theme });
  if (!parsed.isThemeColor || parsed.shade !== undefined) return colors;
  if (input.variant === 'light') return { ...colors, color: `var(--mantine-color-${parsed.color}-9)` };
  // Outline takes text and border from shade 6 (teal, orange: 2.5–3:1 on white); shade 8 is over
  // 4.5:1. Gray and brand already are, and keep their look.
  if (parsed.color === 'gray' || parsed.color === 'brand') return colors;
  const deep = `var(--mantine-color-${parsed.color}-8)`;
  return { ...colors, color: deep, border: `1px solid ${deep}` };
};

export const theme = createTheme({
  variantColorResolver,
  primaryColor: 'brand',
  primaryShade: { light: 7, dark: 6 },
  colors: { brand, gold, gray: slate, ...statusColors },
  black: '#1c2025',
  white: '#ffffff',
  fontFamily: fontStack,
  fontFamilyMonospace: monoStack,
  fontSmoothing: true,
  focusRing: 'auto',
  defaultRadius: 'sm',
  cursorType: 'pointer',
  fontSizes: { xs: '0.75rem', sm: '0.875rem', md: '0.9375rem', lg: '1.0625rem', xl: '1.25rem' },
  lineHeights: { xs: '1.4', sm: '1.45', md: '1.5', lg: '1.55', xl: '1.6' },
  spacing: { xs: '0.5rem', sm: '0.75rem', md: '1rem', lg: '1.5rem', xl: '2rem' },
  headings: {
    fontFamily: fontStack,
    fontWeight: '650',
    sizes: {
      h1: { fontSize: '1.625rem', lineHeight: '1.3' },
      h2: { fontSize: '1.3125rem', lineHeight: '1.35' },
      h3: { fontSize: '1.0625rem', lineHeight: '1.4' },
      h4: { fontSize: '0.9375rem', lineHeight: '1.45' },
    },
  },
  other: { focusColor: '#1f5fbf' },
  // Plain objects, not `Component.extend()`: importing components here would pull them all into
  // the first-load bundle.
  components: {
    Button: { defaultProps: { size: 'sm' } },
    TextInput: { defaultProps: { size: 'sm' } },
    PasswordInput: { defaultProps: { size: 'sm' } },
    // Vietnamese in capitals at badge size loses its diacritics' legibility: keep sentence case.
    Badge: { defaultProps: { radius: 'sm', variant: 'light' }, styles: { root: { textTransform: 'none' } } },
    Card: { defaultProps: { withBorder: true, radius: 'md', padding: 'md' } },
    Paper: { defaultProps: { radius: 'md' } },
    Alert: { defaultProps: { radius: 'md' } },
    Table: { defaultProps: { verticalSpacing: 'xs', horizontalSpacing: 'sm', fz: 'sm' } },
    // A table wider than a phone scrolls sideways: a native scroller that takes the keyboard focus,
    // so it can be scrolled with the arrow keys (Mantine's ScrollArea cannot be focused).
    TableScrollContainer: { defaultProps: { type: 'native', tabIndex: 0 } },
    NavLink: { defaultProps: { variant: 'light' } },
    AppShell: { defaultProps: { padding: 'md' } },
  },
});

/**
 * The theme in the reader's language: the clear (×) button of every clearable input and the close
 * (×) button of every notification, dialog and drawer carry no text, so they are named here once instead of at each
 * use (one may still name its own).
 */
export function localizedTheme(labels: { clear: string; close: string }): MantineThemeOverride {
  return mergeThemeOverrides(theme, {
    components: {
      InputClearButton: { defaultProps: { 'aria-label': labels.clear } },
      Notification: { defaultProps: { closeButtonProps: { 'aria-label': labels.close } } },
      Modal: { defaultProps: { closeButtonProps: { 'aria-label': labels.close } } },
      Drawer: { defaultProps: { closeButtonProps: { 'aria-label': labels.close } } },
    },
  });
}

/**
 * Mantine's error red (red.6) is 3.6:1 on white, too faint for small error text read all day;
 * red.8 is 6:1. The focus ring is blue (theme.css) so the two never meet.
 */
export const cssVariablesResolver: CSSVariablesResolver = () => ({
  variables: {},
  light: { '--mantine-color-error': 'var(--mantine-color-red-8)' },
  dark: {},
});
