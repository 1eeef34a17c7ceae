/**
 * Facts about this installation that the portal shows. The demo bundle (bundles/demo) is a
 * province; `VITE_MOTCUA_PROVINCE` overrides the name at build time until the server publishes
 * installation settings through the API.
 */
export const site = {
  provinceName: (import.meta.env.VITE_MOTCUA_PROVINCE as string | undefined) ?? 'Tỉnh Ninh Bình',
  /** True while the installation runs on the demo bundle; the portal says so. */
  demo: (import.meta.env.VITE_MOTCUA_DEMO as string | undefined) !== '0',
};
