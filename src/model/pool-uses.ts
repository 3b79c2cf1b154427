import type { PoolKey } from './project-model.ts';
import { bytesToUtf8 } from '../source/source-text.ts';

/** A pool key as users write it: quoted literal, or the symbolic expression it depends on. */
export function describeKey(key: PoolKey): string {
  const text = bytesToUtf8(key.text);
  return key.symbolic ? `\`${text}\`` : `"${text}"`;
}
