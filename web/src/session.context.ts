/**
 * The signed-in identity's request headers, how to sign out, and when live updates may have missed
 * changes, for every view below the app.
 */
import { createContext } from "preact";
import { useContext } from "preact/hooks";

export interface Session {
  headers: Record<string, string>;
  /** Back to the sign-in form, saying why; absent when the service needs no sign-in. */
  signOut?: (reason?: string) => void;
  /** Calls `listener` after live updates' connection came back (changes may have been missed). */
  onLiveReconnected?: (listener: () => void) => () => void;
}

export const SessionContext = createContext<Session>({ headers: {} });

export const useSession = () => useContext(SessionContext);
