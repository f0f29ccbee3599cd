import { createContext } from 'preact';
import { useContext } from 'preact/hooks';
import type { User } from './api/client';

// The signed-in user, for every page under the sign-in gate.
export const SessionContext = createContext<User | null>(null);
export function useUser(): User {
  const user = useContext(SessionContext);
  if (!user) throw new Error('useUser outside the signed-in area');
  return user;
}
