import { useQuery, useQueryClient } from '@tanstack/react-query';
import { createContext, useCallback, useContext, useMemo, type ReactNode } from 'react';
import { api, sessionToken, unwrap } from '../api/client';
import type { components } from '../api/schema';

export type Account = components['schemas']['AccountView'];

/** The page each role starts from once signed in. */
export function homeOf(role: Account['role']): string {
  return { volunteer: '/my', requester: '/requests', coordinator: '/coordinator', admin: '/office' }[role];
}

interface Session {
  account: Account | null;
  loading: boolean;
  signIn: (email: string, password: string) => Promise<Account>;
  signOut: () => Promise<void>;
  /** Starts the session a sign-up (or an accepted invitation) answered with. */
  adopt: (token: string) => Promise<Account>;
}

const SessionContext = createContext<Session | null>(null);

/** Who is signed in (from the token kept in this browser), and signing in and out. */
export function SessionProvider({ children }: { children: ReactNode }) {
  const queries = useQueryClient();
  const me = useQuery({
    queryKey: ['me'],
    queryFn: async () => (sessionToken.get() ? unwrap(api.GET('/api/v1/auth/me')) : null),
    retry: false,
  });
  // Whatever was loaded for the previous person is not for the next one.
  const startOver = useCallback(
    (account: Account | null) => {
      queries.removeQueries({ predicate: (query) => query.queryKey[0] !== 'me' });
      queries.setQueryData(['me'], account);
    },
    [queries],
  );
  const session = useMemo<Session>(() => {
    const adopt = async (token: string) => {
      sessionToken.set(token);
      const account = await unwrap(api.GET('/api/v1/auth/me'));
      startOver(account);
      return account;
    };
    return {
      account: me.data ?? null,
      loading: me.isLoading,
      adopt,
      async signIn(email, password) {
        const { token } = await unwrap(api.POST('/api/v1/auth/login', { body: { email, password } }));
        return adopt(token);
      },
      async signOut() {
        await api.POST('/api/v1/auth/logout').catch(() => undefined);
        sessionToken.clear();
        startOver(null);
      },
    };
  }, [me.data, me.isLoading, startOver]);
  return <SessionContext.Provider value={session}>{children}</SessionContext.Provider>;
}

export function useSession(): Session {
  const session = useContext(SessionContext);
  if (!session) throw new Error('useSession outside SessionProvider');
  return session;
}
