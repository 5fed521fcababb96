import type { Session } from '@voronka/domain';
import { benchLogins, benchPassword } from '../dataset/workspace';
import type { HttpClient } from './http';

export type RoleName = keyof typeof benchLogins;

/** Visibility changes the SQL (see modules/access/visibility.ts), so every endpoint runs as each. */
export const roleLabels: Record<RoleName, string> = {
  owner: 'owner (all)',
  head: 'head of sales (department)',
  manager: 'manager (own)',
};

export interface BenchActor {
  role: RoleName;
  userId: string;
  workspaceId: string;
  departmentId: string | null;
  tokenId: string;
  headers: Record<string, string>;
}

/** Signs in with the password and makes an API token, which every measured request then carries. */
export async function signIn(http: HttpClient, role: RoleName): Promise<BenchActor> {
  const response = await http.request({
    method: 'POST',
    path: '/api/auth/login',
    body: { email: benchLogins[role], password: benchPassword },
  });
  if (response.status !== 200) throw new Error(`Login as ${role} failed: ${response.body.toString()}`);
  const session = JSON.parse(response.body.toString()) as Session;
  const cookie = [response.headers['set-cookie'] ?? []].flat()[0]?.split(';')[0] ?? '';
  const token = await http.json<{ id: string; token: string }>(
    { method: 'POST', path: '/api/api-tokens', body: { name: `bench ${role}`, scopes: ['read', 'write'] } },
    { cookie, 'x-csrf-token': session.csrfToken },
  );
  return {
    role,
    userId: session.user.id,
    workspaceId: session.workspace.id,
    departmentId: session.user.departmentId,
    tokenId: token.id,
    headers: { authorization: `Bearer ${token.token}` },
  };
}

export async function revokeToken(http: HttpClient, actor: BenchActor): Promise<void> {
  await http.request({ method: 'DELETE', path: `/api/api-tokens/${actor.tokenId}` }, actor.headers);
}
