// The values link-time evaluation gives a symbolic value (resolver.ts), shared with the declared wrappers.
import type { SymValue } from '../analysis/sym-value.ts';
import type { PoolOrigin } from '../model/pool-key.ts';

/** Arguments a function was called with, each to be evaluated where the call was written. */
export interface Env {
  /** Interned: equal argument lists share one Env, so the id can key memo tables. */
  id: number;
  args: Array<{ file: string; value: SymValue; env: Env | null }>;
  /** The function whose own parameters are unbound here (the function a use is linked from): they
   *  evaluate to symbols of that origin (`conf`), not to unknown. */
  root?: PoolOrigin & { params: readonly string[] };
}

export type Resolved =
  | { r: 'const'; v: string | number | boolean | null }
  /** env: the call environment the table was built in, which its fields are evaluated with. */
  | { r: 'table'; file: string; id: number; env?: Env | null }
  | { r: 'fn'; file: string; id: number }
  | { r: 'obj'; file: string; site: number; client: string; env: Env | null }
  /** A stable name for something outside the project: `ngx.var.host`, `require("resty.redis").new`. */
  | { r: 'sym'; text: string; origin?: PoolOrigin }
  | { r: 'unknown' };
