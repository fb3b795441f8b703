// Calls the contract forbids. Each line must fail to compile: if the generated types stopped
// catching one, its @ts-expect-error would go unused and `npm run typecheck` fails.
import type { ResetApi } from "./storefront.js";

export async function wrongCalls(api: ResetApi, ticketId: string) {
  // @ts-expect-error the login is required
  await api.POST("/api/v1/password-resets", { body: { humanCheckToken: "t" } });

  // @ts-expect-error the code is a string of six digits, leading zeros kept, never a number
  await api.POST("/api/v1/password-resets/{ticketId}/verification", { params: { path: { ticketId } }, body: { code: 42917 } });

  // @ts-expect-error confirmPassword is required
  await api.POST("/api/v1/password-resets/{ticketId}/password", { params: { path: { ticketId } }, body: { resetToken: "r", newPassword: "p" } });

  // @ts-expect-error the ticket id belongs in the path
  await api.POST("/api/v1/password-resets/{ticketId}/codes", { body: { method: "email" } });

  // @ts-expect-error no such path
  await api.POST("/api/v1/password-reset", { body: { login: "a", humanCheckToken: "t" } });

  const { data } = await api.POST("/api/v1/password-resets/{ticketId}/verification", { params: { path: { ticketId } }, body: { code: "042917" } });
  // @ts-expect-error a verification answers with resetToken, not token
  return data?.token;
}
