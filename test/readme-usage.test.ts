// Issue 14 (Also): the README says how to install resty-lint in a project, documents --cache/--no-cache, runs the
// Action example on the Node.js the Action itself runs on, and says what pre-commit downloads.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { REPO_ROOT } from './support/sarif-validate.ts';

const readme = readFileSync(join(REPO_ROOT, 'README.md'), 'utf8');
const section = (title: string) => readme.split(/^## /m).find((s) => s.startsWith(title)) ?? '';

describe('README usage', () => {
  it('explains installing as a dev dependency and running with npx', () => {
    expect(section('Install it in your project')).toMatch(/npm install --save-dev resty-lint[^]*npx resty-lint/);
  });

  it('lists --cache and --no-cache in the options table', () => {
    expect(section('Command line')).toMatch(/^\| `--cache DIR`, `--no-cache` \|/m);
  });

  it('sets up the Node.js version the Action runs on', () => {
    const using = /^\s*using:\s*node(\d+)\s*$/m.exec(readFileSync(join(REPO_ROOT, 'action.yml'), 'utf8'))![1];
    expect(section('GitHub Action')).toMatch(new RegExp(`node-version: ${using}\\b`));
  });

  it('says what pre-commit downloads', () => {
    expect(section('pre-commit')).toMatch(/What pre-commit downloads/);
  });
});
