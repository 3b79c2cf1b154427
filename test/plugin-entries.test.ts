// Gateway plugin methods as entry points (src/gateways/plugin-conventions.ts, src/link/plugin-entries.ts): the
// finding's related location is the plugin method, and every convention cites the gateway code behind each row.
import { describe, expect, it } from 'vitest';
import { analyze } from './support/analyze.ts';
import { discoverProject } from '../src/project/discover-project.ts';
import { PLUGIN_CONVENTIONS } from '../src/gateways/plugin-conventions.ts';
import { phaseAllowsCosocket } from '../src/nginx/lua-directives.ts';
import { REPO_ROOT } from './support/sarif-validate.ts';

describe('plugin methods as entry points', () => {
  const dir = 'fixtures/projects/kong-style-plugins';
  const files = discoverProject(REPO_ROOT, [dir]);
  const result = analyze({ cwd: REPO_ROOT, files: files.lua, nginxConfs: files.nginx });

  it('names the plugin method (file:line) as the entry of a finding in a required module', () => {
    const f = result.findings.find((x) => x.ruleId === 'cosocket-disabled-phase' && x.location.file === `${dir}/kong/plugins/redis-log/store.lua`);
    expect(f?.message).toContain('the Kong plugin method');
    expect(f?.related[0]).toMatchObject({ file: `${dir}/kong/plugins/redis-log/handler.lua`, startLine: 22 });
    expect(f?.related[0].message).toMatch(/^RedisLogHandler:body_filter: Kong runs this plugin method in the body_filter phase \(kong\/init\.lua: /);
    expect(f?.related[1]).toMatchObject({ file: `${dir}/kong/plugins/redis-log/handler.lua`, startLine: 24, message: 'called from here' });
  });
});

describe('plugin conventions', () => {
  it('cite a gateway file for every method, and flag at least log, header_filter and body_filter', () => {
    for (const c of PLUGIN_CONVENTIONS) {
      for (const row of Object.values(c.methods)) expect(row.calledBy).toMatch(/^[\w./-]+\.(lua|conf|liquid): /);
      for (const m of ['log', 'header_filter', 'body_filter']) expect(phaseAllowsCosocket(c.methods[m].phase)).toBe(false);
      expect(phaseAllowsCosocket(c.methods.access.phase)).toBe(true);
    }
  });
});
