/** The server's side of the shared access policy: a policy refusal becomes the 403 the API answers. */
import type { Refusal } from '@lz/shared/access-policy';
import { forbidden } from '../errors';

/**
 * What the policy allowed, or a 403 with its reason.
 *
 * @example
 * const q = granted(scopeBreakdown(viewer, query));
 */
export function granted<T extends object>(scoped: T | Refusal): T {
  if ('refused' in scoped) throw forbidden(scoped.refused);
  return scoped;
}
