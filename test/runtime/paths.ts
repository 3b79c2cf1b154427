// Where the repository and the runtime fixture apps (fixtures/runtime/<claim>/{bad,fixed}/) are.
import { join } from 'node:path';

export const REPO_ROOT = join(import.meta.dirname, '..', '..');
export const FIXTURES = join(REPO_ROOT, 'fixtures', 'runtime');
