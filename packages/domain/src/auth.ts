import { z } from 'zod';
import { Email, NewPassword } from './common';
import { User } from './organisation';

export const LoginBody = z.strictObject({
  email: Email,
  password: z.string().min(1).max(200),
});

export const Workspace = z.object({ id: z.uuid(), name: z.string() }).meta({ id: 'Workspace' });

/** What the web app needs after login; the CSRF token goes back in the X-CSRF-Token header. */
export const Session = z
  .object({ user: User, workspace: Workspace, csrfToken: z.string() })
  .meta({ id: 'Session' });
export type Session = z.infer<typeof Session>;

export const ChangePasswordBody = z.strictObject({
  currentPassword: z.string().min(1).max(200),
  newPassword: NewPassword,
});

export const AcceptInvitationBody = z.strictObject({
  token: z.string().min(20).max(200),
  name: z.string().trim().min(1).max(200),
  password: NewPassword,
});

export const apiScopes = ['read', 'write', 'admin'] as const;
export const ApiScope = z.enum(apiScopes);
export type ApiScope = z.infer<typeof ApiScope>;

export const ApiToken = z
  .object({
    id: z.uuid(),
    name: z.string(),
    prefix: z.string(),
    scopes: z.array(ApiScope),
    userId: z.uuid(),
    createdAt: z.string(),
    lastUsedAt: z.string().nullable(),
    expiresAt: z.string().nullable(),
  })
  .meta({ id: 'ApiToken' });
export type ApiToken = z.infer<typeof ApiToken>;
export const CreateApiTokenBody = z.strictObject({
  name: z.string().trim().min(1).max(200),
  scopes: z.array(ApiScope).min(1),
  expiresInDays: z.number().int().min(1).max(3650).nullable().default(null),
});
export const CreatedApiToken = ApiToken.extend({ token: z.string() });
export type CreatedApiToken = z.infer<typeof CreatedApiToken>;
