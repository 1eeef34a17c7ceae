/**
 * The IPN (instant payment notification) as VNPay sends it: `GET <ipnUrl>?<signed vnp_* parameters>`
 * over real HTTP, server to server. The merchant answers JSON `{"RspCode": "..", "Message": ".."}`;
 * `00` (confirmed) and `02` (already confirmed) end the delivery, anything else (another code, an
 * HTTP error, no answer) is retried later.
 */
export interface IpnAttempt {
  at: Date;
  /** A replay: the same notification sent again on purpose (test control, or `twice`). */
  replay: boolean;
  /** `00` or `02`: the merchant took it. */
  accepted: boolean;
  httpStatus: number | null;
  rspCode: string | null;
  message: string | null;
  /** Why no usable answer came (network error, timeout, not JSON). */
  error: string | null;
}

export async function deliverIpn(
  ipnUrl: string,
  params: Record<string, string>,
  options: { clock: () => Date; timeoutMs: number; replay: boolean },
): Promise<IpnAttempt> {
  const at = options.clock();
  const url = new URL(ipnUrl);
  for (const [k, v] of Object.entries(params)) url.searchParams.set(k, v);
  const attempt: IpnAttempt = { at, replay: options.replay, accepted: false, httpStatus: null, rspCode: null, message: null, error: null };
  try {
    const response = await fetch(url, { method: 'GET', headers: { accept: 'application/json' }, signal: AbortSignal.timeout(options.timeoutMs), redirect: 'manual' });
    attempt.httpStatus = response.status;
    const text = await response.text();
    let body: unknown;
    try {
      body = JSON.parse(text);
    } catch {
      attempt.error = `not JSON: ${text.slice(0, 120)}`;
      return attempt;
    }
    const answer = body as { RspCode?: unknown; Message?: unknown };
    attempt.rspCode = typeof answer.RspCode === 'string' ? answer.RspCode : null;
    attempt.message = typeof answer.Message === 'string' ? answer.Message.slice(0, 200) : null;
    if (!attempt.rspCode) attempt.error = 'no RspCode in the answer';
    // VNPay reads the answer's RspCode, whatever the HTTP status.
    attempt.accepted = attempt.rspCode === '00' || attempt.rspCode === '02';
  } catch (error) {
    attempt.error = (error as Error).name === 'TimeoutError' ? `no answer within ${options.timeoutMs} ms` : (error as Error).message;
  }
  return attempt;
}
