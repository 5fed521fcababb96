import { type QueryClient, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { Locale, Session, User } from '@voronka/domain';
import { ApiError, api, type OkResponse, setCsrfToken } from '../../api/client';
import { applyLocale } from '../../app/i18n';

export const sessionKey = ['session'] as const;

/** Remembers what the rest of the app needs from a session: the CSRF token and the user's language. */
function adoptSession(queryClient: QueryClient | null, session: Session | null): void {
  setCsrfToken(session?.csrfToken ?? null);
  if (session) applyLocale(session.user.locale);
  queryClient?.setQueryData(sessionKey, session);
}

async function fetchSession(): Promise<Session | null> {
  try {
    const session = await api.get<Session>('/auth/session', { anonymous: true });
    adoptSession(null, session);
    return session;
  } catch (error) {
    if (error instanceof ApiError && error.status === 401) {
      setCsrfToken(null);
      return null;
    }
    throw error;
  }
}

/** The signed-in session, or `null` when nobody is signed in. */
export function useSession() {
  return useQuery({
    queryKey: sessionKey,
    queryFn: fetchSession,
    staleTime: Number.POSITIVE_INFINITY,
    retry: 1,
  });
}

/** Drops everything cached for the previous user; the session entry itself stays, for the guard. */
export function forgetUserData(queryClient: QueryClient): void {
  queryClient.removeQueries({ predicate: (query) => query.queryKey[0] !== sessionKey[0] });
}

export function useLogin() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: { email: string; password: string }) =>
      api.post<Session>('/auth/login', body, { anonymous: true }),
    onSuccess: (session) => {
      forgetUserData(queryClient);
      adoptSession(queryClient, session);
    },
  });
}

export function useAcceptInvitation() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: { token: string; name: string; password: string }) =>
      api.post<Session>('/auth/accept-invitation', body, { anonymous: true }),
    onSuccess: (session) => {
      forgetUserData(queryClient);
      adoptSession(queryClient, session);
    },
  });
}

export function useLogout() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => api.post<OkResponse>('/auth/logout'),
    onSettled: () => {
      adoptSession(queryClient, null);
      forgetUserData(queryClient);
    },
  });
}

export function useUpdateProfile() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: { name?: string; locale?: Locale }) => api.patch<User>('/auth/profile', body),
    onSuccess: (user) => {
      queryClient.setQueryData<Session | null>(sessionKey, (session) =>
        session ? { ...session, user } : session,
      );
      void queryClient.invalidateQueries({ queryKey: ['users'] });
    },
  });
}

export function useChangePassword() {
  return useMutation({
    // A wrong current password may answer 401; that must not end the session in the UI.
    mutationFn: (body: { currentPassword: string; newPassword: string }) =>
      api.post<OkResponse>('/auth/password', body, { anonymous: true }),
  });
}
