/** How often the return page asks about an order the gateway has not confirmed yet (no I/O: tested alone). */

/** Waits before asking again about a pending order: 1, 2, 3, 5, 8 s (19 s in all), then stops. */
export const pendingPollDelaysMs = [1_000, 2_000, 3_000, 5_000, 8_000] as const;

/** After `answers` answers still saying "pending": how long to wait before asking again, or false to stop. */
export function pendingPollDelay(answers: number): number | false {
  return answers >= 1 ? pendingPollDelaysMs[answers - 1] ?? false : false;
}

/** The page stops asking and says to come back later once every delay was waited. */
export const pendingPollOver = (answers: number): boolean => pendingPollDelay(answers) === false && answers > 0;
