import type { SessionUser } from '@lz/shared/api/session';
import type { Deps } from '../deps';

/** Typed context variables every handler can read. */
export interface AppEnv {
  Variables: {
    deps: Deps;
    /** null when the request carries no valid session. */
    user: SessionUser | null;
    token: string | null;
    ip: string | null;
  };
}
