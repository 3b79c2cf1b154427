// The rule registry: every rule in rules/, sorted by id. Checked against the directory by test/registry.test.ts.
import type { Rule } from '../src/rule.ts';
import { rule as codeCacheOff } from './code-cache-off.ts';
import { rule as connectionNotReleased } from './connection-not-released.ts';
import { rule as cosocketDisabledPhase } from './cosocket-disabled-phase.ts';
import { rule as invalidSuppression } from './invalid-suppression.ts';
import { rule as keepaliveAfterError } from './keepalive-after-error.ts';
import { rule as keepaliveExceedsServerTimeout } from './keepalive-exceeds-server-timeout.ts';
import { rule as keepaliveUnboundedIdle } from './keepalive-unbounded-idle.ts';
import { rule as poolMixedLifecycle } from './pool-mixed-lifecycle.ts';
import { rule as poolSizeConflict } from './pool-size-conflict.ts';
import { rule as pooledSessionState } from './pooled-session-state.ts';
import { rule as sharedCosocket } from './shared-cosocket.ts';
import { rule as syntaxError } from './syntax-error.ts';
import { rule as useAfterRelease } from './use-after-release.ts';

export const RULES: readonly Rule[] = [
  codeCacheOff,
  connectionNotReleased,
  cosocketDisabledPhase,
  invalidSuppression,
  keepaliveAfterError,
  keepaliveExceedsServerTimeout,
  keepaliveUnboundedIdle,
  poolMixedLifecycle,
  poolSizeConflict,
  pooledSessionState,
  sharedCosocket,
  syntaxError,
  useAfterRelease,
];
