/** The Motcua mark: a gold five-pointed star on lacquer red. Decorative; callers label it. */
export function BrandMark({ size = 32 }: { size?: number }) {
  return (
    <svg width={size} height={size} viewBox="0 0 32 32" aria-hidden="true" focusable="false" style={{ flex: 'none' }}>
      <rect width="32" height="32" rx="6" fill="var(--mantine-color-brand-7)" />
      <path
        d="M16 6l2.6 6.3 6.8.5-5.2 4.4 1.6 6.6L16 20.2l-5.8 3.6 1.6-6.6-5.2-4.4 6.8-.5z"
        fill="var(--mantine-color-gold-3)"
      />
    </svg>
  );
}
