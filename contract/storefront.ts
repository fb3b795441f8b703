// A storefront's "Forgot password?" journey against reset-service, typed by the contract:
// generated/reset-api.ts is made from ../openapi.yaml by `npm run types`, so a renamed field, a
// wrong body or a path that no longer exists fails `npm run typecheck`. Compiled, never run here.
import createClient from "openapi-fetch";
import type { components, paths } from "./generated/reset-api.js";

export type Problem = components["schemas"]["ApiProblem"];

/** A problem answer (RFC 9457); `code` is the stable snake_case name to switch on. */
export class ResetProblem extends Error {
  constructor(readonly problem: Problem) {
    super(`${problem.status} ${problem.code}: ${problem.detail ?? problem.title}`);
  }
}

export function resetApi(baseUrl: string) {
  return createClient<paths>({ baseUrl });
}

export type ResetApi = ReturnType<typeof resetApi>;

/** Steps 2–3: the login and the human-check widget's payload open a ticket. */
export async function start(api: ResetApi, login: string, humanCheckToken: string) {
  const { data, error } = await api.POST("/api/v1/password-resets", { body: { login, humanCheckToken } });
  if (error) throw new ResetProblem(error);
  const email = data.methods?.find((m) => m.method === "email") as components["schemas"]["EmailResetMethod"] | undefined;
  return { ticketId: data.ticketId ?? "", maskedEmail: email?.destination ?? null };
}

/** Step 4: "Get code". */
export async function sendCode(api: ResetApi, ticketId: string) {
  const { data, error } = await api.POST("/api/v1/password-resets/{ticketId}/codes", {
    params: { path: { ticketId } },
    body: { method: "email" },
  });
  if (error) throw new ResetProblem(error);
  return data; // destination, codeExpiresAt, resendAvailableAt, sendsRemaining
}

/** Step 4: "Confirm" with the six digits from the e-mail; the reset token stays in memory only. */
export async function verify(api: ResetApi, ticketId: string, code: string): Promise<string> {
  const { data, error } = await api.POST("/api/v1/password-resets/{ticketId}/verification", {
    params: { path: { ticketId } },
    body: { code },
  });
  if (error) throw new ResetProblem(error); // code_invalid carries attemptsRemaining; ticket_locked: start again
  return data.resetToken;
}

/** Step 5: the new password twice. 204: the customer signs in with it as usual. */
export async function setPassword(api: ResetApi, ticketId: string, resetToken: string, newPassword: string, confirmPassword: string) {
  const { error } = await api.POST("/api/v1/password-resets/{ticketId}/password", {
    params: { path: { ticketId } },
    body: { resetToken, newPassword, confirmPassword },
  });
  if (error) throw new ResetProblem(error); // password_rejected lists violations; passwords_mismatch
}

/** The whole journey, as a page would drive it; askCode waits for the customer to type the code. */
export async function forgotPassword(
  baseUrl: string,
  login: string,
  humanCheckToken: string,
  askCode: (sentTo: string | null) => Promise<string>,
  newPassword: string,
) {
  const api = resetApi(baseUrl);
  const { ticketId, maskedEmail } = await start(api, login, humanCheckToken);
  await sendCode(api, ticketId);
  const resetToken = await verify(api, ticketId, await askCode(maskedEmail));
  await setPassword(api, ticketId, resetToken, newPassword, newPassword);
}
