import type { Database } from '../store/database';
import type { EventStreamSettings } from './routes/events';

export interface Caller {
  workspaceId: string;
  /** A secret key acts as an admin; a session token carries its user's role (R20). */
  role: 'admin' | 'member';
  credential: 'secret_key' | 'session';
  userId: string | null;
}

export interface ServerOptions {
  db: Database;
  /** Dev routes and the permissive CORS of dev mode. */
  dev: boolean;
  /** R7: how long a renewal's credits take to become spendable. */
  renewalDelayMs: number;
  /** Signs session tokens; every server of one deployment needs the same secret. */
  sessionSecret: string;
  /** Browsers on this origin may call the API. */
  corsOrigin: string | undefined;
  /** The clock, so tests can move time. */
  now: () => Date;
  /** Tuning of the event streams (how many per workspace, poll and keep-alive intervals). */
  eventStream?: Partial<EventStreamSettings> | undefined;
}

/** What a request carries through the middleware to its route. */
export interface AppEnv {
  Variables: {
    requestId: string;
    caller: Caller;
  };
}
