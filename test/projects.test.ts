// Projects mixing nginx.conf, redis.conf and Lua under fixtures/projects/: each directory is analyzed as
// one project, and its findings are compared with the `expect:` / `ok:` comments in its files
// (`#` comments in .conf files, `--` in Lua, including Lua inside nginx.conf).
import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { analyze } from './support/analyze.ts';
import { discoverProject } from '../src/project/discover-project.ts';
import { loadConfig } from '../src/config/load-config.ts';
import { filterIgnored } from '../src/files/glob-match.ts';
import { CLIENT_PROFILES } from '../src/clients/profiles.ts';
import { RULES } from '../rules/index.ts';
import { expectFindingsMatchComments } from './support/fixture-check.ts';
import { REPO_ROOT } from './support/sarif-validate.ts';

const ROOT = join(REPO_ROOT, 'fixtures', 'projects');
const projects = readdirSync(ROOT).filter((d) => statSync(join(ROOT, d)).isDirectory()).sort();

describe('project fixtures (Lua + nginx.conf + redis.conf)', () => {
  for (const project of projects) {
    it(project, () => {
      const dir = `fixtures/projects/${project}`;
      // A project's own .resty-lint.json applies, as it would for `resty-lint` run in that directory.
      const config = loadConfig({ cwd: join(REPO_ROOT, dir), knownRuleIds: RULES.map((r) => r.meta.id), knownClients: CLIENT_PROFILES.map((p) => p.module) });
      const files = discoverProject(REPO_ROOT, [dir]);
      const result = analyze({
        cwd: REPO_ROOT,
        files: filterIgnored(files.lua, config.ignore),
        nginxConfs: files.nginx,
        redisConfs: files.redis,
        luaRoots: config.luaRoots,
        wrappers: config.wrappers,
        ruleLevels: config.rules,
      });
      // Files read only through an nginx `include` (not found as configs on their own) carry expectations too.
      const read = [...result.sources.keys()].filter((f) => f.startsWith(`${dir}/`));
      expectFindingsMatchComments(result, [...new Set([...files.lua, ...files.nginx, ...files.redis, ...read])]);
    });
  }
});

describe('locations inside nginx.conf', () => {
  const dir = 'fixtures/projects/inline-lua';
  const files = discoverProject(REPO_ROOT, [dir]);
  const result = analyze({ cwd: REPO_ROOT, files: files.lua, nginxConfs: files.nginx });
  const at = (line: number) => result.findings.find((f) => f.location.startLine === line && f.location.file === `${dir}/nginx.conf`)?.location;

  it('maps a finding in a *_by_lua_block to its exact line and column', () => {
    expect(at(22)).toEqual({ file: `${dir}/nginx.conf`, startLine: 22, startColumn: 17, endLine: 22, endColumn: 28 });
  });

  it('maps a finding in a string-form content_by_lua through nginx escapes', () => {
    // line 30 holds \\n and \' escapes: the next line must still be exact.
    expect(at(31)).toEqual({ file: `${dir}/nginx.conf`, startLine: 31, startColumn: 17, endLine: 31, endColumn: 28 });
  });

  it('points the related keepalive site into the module file', () => {
    const f = result.findings.find((x) => x.location.startLine === 22);
    expect(f?.related[0]).toMatchObject({ file: `${dir}/lua/cache.lua`, startLine: 8, startColumn: 3 });
  });
});
