/**
 * The closed lists of a dossier's record besides its statuses and actions: how it was filed, how
 * its result is delivered, what a file attached to it is. The database's CHECK constraints, the
 * API's enums and the web app's labels all name these values.
 */

/** How a dossier was filed: at a counter, online, or by post (docs/rules/dossier-lifecycle.md). */
export const dossierChannels = ['counter', 'online', 'postal'] as const;
export type DossierChannel = (typeof dossierChannels)[number];

/** How the applicant receives the result: at the counter, by post, or online. */
export const resultDeliveries = ['counter', 'post', 'online'] as const;
export type ResultDelivery = (typeof resultDeliveries)[number];

/** What a file of a dossier is: a component, a supplement, the result, or another attachment. */
export const filePurposes = ['component', 'supplement', 'result', 'attachment'] as const;
export type FilePurpose = (typeof filePurposes)[number];
