import type { Session } from '@voronka/domain';
import { createContext, useContext } from 'react';

/**
 * The session as the guard saw it. Pages read it from here rather than from the query, so that
 * when the session ends they unmount with the guard instead of rendering without a user.
 */
export const SessionContext = createContext<Session | null>(null);

/** For components below the session guard, where a session always exists. */
export function useCurrentSession(): Session {
  const session = useContext(SessionContext);
  if (!session) throw new Error('useCurrentSession is used outside the session guard');
  return session;
}
