// parseNginxConf with a scanned tree (docs/semantics.md §5.4): what a repository does not hold is an unresolved
// include, never an error; nothing outside the tree is read; absolute paths are matched in the tree by suffix.
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { walkDirectives, type Directive } from '../../src/nginx/conf-tree.ts';
import { isShippedInclude, nodeConfFiles, parseNginxConf, type ConfFiles, type ScannedTree } from '../../src/nginx/include.ts';

/** An in-memory file system (absolute paths → contents) that records every path it is asked about. */
function memFiles(files: Record<string, string>): ConfFiles & { touched: string[] } {
  const touched: string[] = [];
  return {
    touched,
    read(path) {
      touched.push(path);
      const c = files[path];
      return c === undefined ? undefined : Buffer.from(c, 'utf8');
    },
    list(dir) {
      touched.push(dir);
      const prefix = dir.endsWith('/') ? dir : `${dir}/`;
      const names = new Set<string>();
      for (const p of Object.keys(files)) if (p.startsWith(prefix)) names.add(p.slice(prefix.length).split('/')[0]);
      return names.size > 0 ? [...names] : undefined;
    },
  };
}

/** The tree /repo holding the files of `files` under it. */
function repoTree(files: Record<string, string>, roots = ['/repo']): ScannedTree {
  return { roots, files: () => Object.keys(files).filter((p) => roots.some((r) => p.startsWith(`${r}/`))) };
}

function locations(list: Directive[]): string[] {
  const out: string[] = [];
  walkDirectives(list, (d) => {
    if (d.name === 'location') out.push(d.args[0].value);
  });
  return out;
}

const outsideRepo = (touched: string[]) => touched.filter((p) => !p.startsWith('/repo/') && p !== '/repo');

describe('parseNginxConf with a scanned tree', () => {
  it('files nginx ships are neither errors nor unresolved, and are not looked for outside the tree', () => {
    const files = {
      '/repo/conf/nginx.conf': [
        'include mime.types;',
        'include /etc/nginx/fastcgi_params;',
        'include /usr/local/openresty/nginx/conf/uwsgi_params;',
        'include /etc/nginx/snippets/fastcgi-php.conf;',
        'include /etc/nginx/modules-enabled/*.conf;',
        'include proxy_params;',
        'include koi-utf;',
      ].join('\n'),
    };
    const fs = memFiles(files);
    const conf = parseNginxConf(fs, '/repo/conf/nginx.conf', { tree: repoTree(files) });
    expect(conf.errors).toEqual([]);
    expect(conf.unresolved).toEqual([]);
    expect(outsideRepo(fs.touched)).toEqual([]);
  });

  it('a shipped file the tree does hold is read', () => {
    const files = { '/repo/conf/nginx.conf': 'include mime.types;', '/repo/conf/mime.types': 'types { text/html html; }' };
    const conf = parseNginxConf(memFiles(files), '/repo/conf/nginx.conf', { tree: repoTree(files) });
    expect(conf.directives.map((d) => d.name)).toEqual(['include', 'types']);
  });

  it('a relative include the tree does not hold is unresolved (missing), not an error', () => {
    const files = { '/repo/conf/nginx.conf': 'http {\n  include generated/upstreams.conf;\n  include conf.d/*.conf;\n}\n' };
    const conf = parseNginxConf(memFiles(files), '/repo/conf/nginx.conf', { tree: repoTree(files) });
    expect(conf.errors).toEqual([]);
    // a glob that matches nothing is fine, as for nginx
    expect(conf.unresolved).toEqual([
      { file: '/repo/conf/nginx.conf', offset: 9, path: 'generated/upstreams.conf', reason: 'missing', expected: '/repo/conf/generated/upstreams.conf' },
    ]);
  });

  it('without a tree, a missing include is still the error nginx reports', () => {
    const files = { '/repo/conf/nginx.conf': 'include generated/upstreams.conf;' };
    const conf = parseNginxConf(memFiles(files), '/repo/conf/nginx.conf');
    expect(conf.errors.map((e) => e.message)).toEqual(['open() "/repo/conf/generated/upstreams.conf" failed (cannot read the file)']);
    expect(conf.unresolved).toEqual([]);
  });

  it('never reads a path outside the tree, even one that exists', () => {
    const files = {
      '/repo/conf/nginx.conf': [
        'include /etc/secret.conf;',
        'include ../../etc/secret.conf;',
        'include /proc/self/environ;',
        'include /etc/*.conf;',
        'include ../../etc/*.conf;',
      ].join('\n'),
      '/etc/secret.conf': 'location /leaked { }',
    };
    const fs = memFiles(files);
    const conf = parseNginxConf(fs, '/repo/conf/nginx.conf', { tree: repoTree(files) });
    expect(outsideRepo(fs.touched)).toEqual([]);
    expect(locations(conf.directives)).toEqual([]);
    expect([...conf.sources.keys()]).toEqual(['/repo/conf/nginx.conf']);
    expect(conf.errors).toEqual([]);
    expect(conf.unresolved.map((u) => [u.path, u.reason])).toEqual([
      ['/etc/secret.conf', 'outside'],
      ['../../etc/secret.conf', 'outside'],
      ['/proc/self/environ', 'outside'],
      ['/etc/*.conf', 'outside'],
      ['../../etc/*.conf', 'outside'],
    ]);
  });

  it('reads an absolute path outside the tree from the tree file that ends like it', () => {
    const files = {
      '/repo/conf/nginx.conf': 'http {\n  include /opt/app/conf/server.conf;\n  include /opt/app/conf/routes/*.conf;\n}\n',
      '/repo/conf/server.conf': 'server { location /server { } }',
      '/repo/conf/routes/b.conf': 'location /b { }',
      '/repo/conf/routes/a.conf': 'location /a { }',
      '/repo/conf/routes/.hidden.conf': 'location /hidden { }',
      '/repo/other/server.conf': 'location /other { }', // ends like it by its name only: the longer match wins
    };
    const fs = memFiles(files);
    const conf = parseNginxConf(fs, '/repo/conf/nginx.conf', { tree: repoTree(files) });
    expect(conf.errors).toEqual([]);
    expect(conf.unresolved).toEqual([]);
    expect(locations(conf.directives)).toEqual(['/server', '/a', '/b']);
    expect(outsideRepo(fs.touched)).toEqual([]);
    expect(conf.bySuffix).toEqual([
      { file: '/repo/conf/nginx.conf', offset: 9, path: '/opt/app/conf/server.conf', deployedAs: '/opt/app/', tail: 'conf/server.conf', treeDir: '/repo/', files: ['/repo/conf/server.conf'] },
      {
        file: '/repo/conf/nginx.conf',
        offset: 46,
        path: '/opt/app/conf/routes/*.conf',
        deployedAs: '/opt/app/',
        tail: 'conf/routes/*.conf',
        treeDir: '/repo/',
        files: ['/repo/conf/routes/a.conf', '/repo/conf/routes/b.conf'],
      },
    ]);
  });

  it('a wildcard alone is no evidence: `/etc/nginx/*.conf` does not take every .conf of the tree', () => {
    const files = { '/repo/conf/nginx.conf': 'include /etc/nginx/*.conf;', '/repo/conf/app.conf': 'location /app { }' };
    const conf = parseNginxConf(memFiles(files), '/repo/conf/nginx.conf', { tree: repoTree(files) });
    expect(locations(conf.directives)).toEqual([]);
    expect(conf.unresolved.map((u) => u.reason)).toEqual(['outside']);
  });

  it('the directory nearest the main file wins; equally near ones are ambiguous', () => {
    const files = {
      '/repo/a/nginx.conf': 'include /etc/nginx/conf.d/app.conf;',
      '/repo/a/conf.d/app.conf': 'location /a { }',
      '/repo/b/conf.d/app.conf': 'location /b { }',
      '/repo/c/nginx.conf': 'include /etc/nginx/conf.d/app.conf;',
    };
    const tree = repoTree(files);
    expect(locations(parseNginxConf(memFiles(files), '/repo/a/nginx.conf', { tree }).directives)).toEqual(['/a']);
    const c = parseNginxConf(memFiles(files), '/repo/c/nginx.conf', { tree });
    expect(locations(c.directives)).toEqual([]);
    expect(c.unresolved).toEqual([
      { file: '/repo/c/nginx.conf', offset: 0, path: '/etc/nginx/conf.d/app.conf', reason: 'ambiguous', candidates: ['/repo/a/conf.d/app.conf', '/repo/b/conf.d/app.conf'] },
    ]);
  });

  it('does not take a file from another project of a monorepo', () => {
    const files = {
      '/repo/services/api/nginx/nginx.conf': 'include /etc/nginx/conf.d/app.conf;',
      '/repo/services/web/nginx/conf.d/app.conf': 'location /web { }',
      '/repo/services/api/snippets/cors.conf': 'location /cors { }',
    };
    const tree = repoTree(files);
    const conf = parseNginxConf(memFiles(files), '/repo/services/api/nginx/nginx.conf', { tree });
    expect(locations(conf.directives)).toEqual([]);
    expect(conf.unresolved.map((u) => u.reason)).toEqual(['outside']);
    // a sibling directory of the main file's directory is fine
    files['/repo/services/api/nginx/nginx.conf'] = 'include /etc/nginx/snippets/cors.conf;';
    expect(locations(parseNginxConf(memFiles(files), '/repo/services/api/nginx/nginx.conf', { tree }).directives)).toEqual(['/cors']);
  });

  it('never matches the files being expanded (no self-include by suffix)', () => {
    const files = { '/repo/nginx.conf': 'include /etc/nginx/nginx.conf;\nlocation /main { }' };
    const conf = parseNginxConf(memFiles(files), '/repo/nginx.conf', { tree: repoTree(files) });
    expect(conf.errors).toEqual([]);
    expect(conf.unresolved.map((u) => u.reason)).toEqual(['outside']);
  });

  it('names files in messages through `display`', () => {
    const files = { '/repo/c/main.conf': 'include self.conf;', '/repo/c/self.conf': 'include self.conf;' };
    const conf = parseNginxConf(memFiles(files), '/repo/c/main.conf', { tree: repoTree(files), display: (p) => p.replace('/repo/', '') });
    expect(conf.errors.map((e) => e.message)).toEqual(['include cycle: c/self.conf -> c/self.conf']);
  });

  it('an include reported once however often its file is included', () => {
    const files = {
      '/repo/main.conf': 'server { include common.conf; }\nserver { include common.conf; }',
      '/repo/common.conf': 'include missing.conf;',
    };
    const conf = parseNginxConf(memFiles(files), '/repo/main.conf', { tree: repoTree(files) });
    expect(conf.unresolved.map((u) => [u.file, u.reason])).toEqual([['/repo/common.conf', 'missing']]);
  });

  it('isShippedInclude: by name, for the files nginx and its packages install', () => {
    for (const p of ['mime.types', '/etc/nginx/fastcgi_params', 'conf/scgi_params', 'win-utf', '/etc/nginx/snippets/snakeoil.conf', '/usr/share/nginx/modules/*.conf']) {
      expect(isShippedInclude(p), p).toBe(true);
    }
    for (const p of ['nginx.conf', 'mime.types.local', '/etc/nginx/conf.d/*.conf', 'snippets/cors.conf', 'modules/*.conf']) {
      expect(isShippedInclude(p), p).toBe(false);
    }
  });
});

describe('parseNginxConf with a scanned tree on the real file system', () => {
  let dir: string;
  let outside: string;
  const reads: string[] = [];
  const spy: ConfFiles = {
    read: (p) => (reads.push(p), nodeConfFiles.read(p)),
    list: (p) => (reads.push(p), nodeConfFiles.list!(p)),
    realpath: (p) => nodeConfFiles.realpath!(p),
  };
  const write = (path: string, text: string) => {
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(path, text);
  };

  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'resty-lint-include-tree-'));
    outside = mkdtempSync(join(tmpdir(), 'resty-lint-outside-'));
    write(join(outside, 'secret.conf'), 'location /leaked { }\n');
    write(join(outside, 'd', 'x.conf'), 'location /leaked-too { }\n');
    write(join(dir, 'repo', 'conf', 'nginx.conf'), 'include evil.conf;\ninclude linked/*.conf;\ninclude ok.conf;\n');
    write(join(dir, 'repo', 'conf', 'ok.conf'), 'location /ok { }\n');
    symlinkSync(join(outside, 'secret.conf'), join(dir, 'repo', 'conf', 'evil.conf'));
    symlinkSync(join(outside, 'd'), join(dir, 'repo', 'conf', 'linked'));
    symlinkSync(join(outside, 'secret.conf'), join(dir, 'repo', 'main-link.conf'));
  });
  afterAll(() => {
    rmSync(dir, { recursive: true, force: true });
    rmSync(outside, { recursive: true, force: true });
  });

  it('does not follow symbolic links out of the tree', () => {
    const tree: ScannedTree = { roots: [join(dir, 'repo')], files: () => [] };
    const conf = parseNginxConf(spy, join(dir, 'repo', 'conf', 'nginx.conf'), { tree });
    expect(locations(conf.directives)).toEqual(['/ok']);
    expect(reads.filter((p) => !p.endsWith('nginx.conf') && !p.endsWith('ok.conf'))).toEqual([]); // not even listed
    expect(conf.unresolved.map((u) => [u.path, u.reason])).toEqual([
      ['evil.conf', 'outside'],
      ['linked/*.conf', 'outside'],
    ]);
    const main = parseNginxConf(spy, join(dir, 'repo', 'main-link.conf'), { tree });
    expect(main.directives).toEqual([]);
    expect(main.unresolved.map((u) => u.reason)).toEqual(['outside']);
    expect(reads.some((p) => p.startsWith(outside) || p.endsWith('main-link.conf') || p.includes('evil'))).toBe(false);
  });
});
