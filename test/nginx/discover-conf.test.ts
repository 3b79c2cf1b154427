import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { classifyConfFile, findConfigFiles, sniffNginx, sniffNotNginx, sniffRedis } from '../../src/nginx/discover-conf.ts';

const REPO_ROOT = fileURLToPath(new URL('../..', import.meta.url));

const TREE: Record<string, string> = {
  'nginx.conf': '',
  'conf/site.conf': 'server {\n  listen 80;\n}\n',
  'conf/lua-only.conf': 'access_by_lua_file lua/auth.lua;\n',
  'conf/upstreams.conf': 'upstream backend\n{\n  server 10.0.0.1;\n}\n',
  'conf/mixed.conf': 'bind 127.0.0.1;\nlocation /x { }\n',
  'conf/mime.conf': 'types { text/html html; }\n',
  'templates/nginx.conf.liquid': 'http {\n}\n',
  'templates/site.tmpl.conf': 'server {\n}\n',
  'deploy/app.j2.conf': 'server {\n}\n',
  'deploy/x.ERB.conf': 'server {\n}\n',
  'deploy/page.mustache.conf': 'server {\n}\n',
  'deploy/site.jinja2.conf': 'server {\n}\n',
  'README.md': '```nginx\nhttp {\n  server {\n  }\n}\n```\n',
  'docs/nginx.md.conf': 'server {\n}\n',
  'redis.conf': '',
  'db/redis-6380.conf': 'port 6380\n',
  'db/sentinel.conf': '# sentinel\nport 26379\n',
  'db/limits.conf': '  maxclients 100\n',
  'supervisord.conf': '[program:nginx]\ncommand=nginx\n',
  'node_modules/pkg/nginx.conf': 'http {}\n',
  'node_modules/pkg/redis.conf': 'port 1\n',
  '.git/nginx.conf': 'http {}\n',
  '.gitignore': 'build/\n',
  'build/nginx.conf': 'http {}\n',
  'sub/.hidden/nginx.conf': 'http {}\n',
  'late.conf': `${'# padding\n'.repeat(7000)}server {\n}\n`,
  'other/main.cfg': 'http {}\n',
};

describe('findConfigFiles', () => {
  let cwd: string;
  beforeAll(() => {
    cwd = mkdtempSync(join(tmpdir(), 'resty-lint-discover-conf-'));
    for (const [path, text] of Object.entries(TREE)) {
      mkdirSync(dirname(join(cwd, path)), { recursive: true });
      writeFileSync(join(cwd, path), text);
    }
  });
  afterAll(() => rmSync(cwd, { recursive: true, force: true }));

  it('classifies every .conf under the roots, skipping node_modules, .git and gitignored paths', () => {
    expect(findConfigFiles(cwd, [], [])).toEqual({
      nginx: [
        'conf/lua-only.conf',
        'conf/mixed.conf',
        'conf/site.conf',
        'conf/upstreams.conf',
        'nginx.conf',
        'sub/.hidden/nginx.conf',
      ],
      redis: ['db/limits.conf', 'db/redis-6380.conf', 'db/sentinel.conf', 'redis.conf'],
      notConfig: [
        'conf/mime.conf',
        'deploy/app.j2.conf',
        'deploy/page.mustache.conf',
        'deploy/site.jinja2.conf',
        'deploy/x.ERB.conf',
        'docs/nginx.md.conf',
        'late.conf',
        'supervisord.conf',
        'templates/site.tmpl.conf',
      ],
    });
  });

  it('takes directory and file roots relative to cwd', () => {
    expect(findConfigFiles(cwd, ['conf', 'db/sentinel.conf', 'nginx.conf', 'README.md', 'missing'], [])).toEqual({
      nginx: ['conf/lua-only.conf', 'conf/mixed.conf', 'conf/site.conf', 'conf/upstreams.conf', 'nginx.conf'],
      redis: ['db/sentinel.conf'],
      notConfig: ['conf/mime.conf'],
    });
    const sub = join(cwd, 'db');
    expect(findConfigFiles(sub, ['.'], [])).toEqual({
      nginx: [],
      redis: ['limits.conf', 'redis-6380.conf', 'sentinel.conf'],
      notConfig: [],
    });
  });

  it('treats extra paths as nginx configs whatever their name or content', () => {
    const found = findConfigFiles(cwd, ['deploy'], ['deploy/app.j2.conf', './other/main.cfg', 'other/../nginx.conf']);
    expect(found).toEqual({
      nginx: ['deploy/app.j2.conf', 'nginx.conf', 'other/main.cfg'],
      redis: [],
      notConfig: ['deploy/page.mustache.conf', 'deploy/site.jinja2.conf', 'deploy/x.ERB.conf'],
    });
  });

  it('finds the fixture trees', () => {
    expect(findConfigFiles(REPO_ROOT, ['fixtures/conf-model'], [])).toEqual({
      nginx: [
        'fixtures/conf-model/app/conf.d/10-api.conf',
        'fixtures/conf-model/app/conf.d/20-plain.conf',
        'fixtures/conf-model/app/nginx.conf',
      ],
      redis: ['fixtures/conf-model/redis/redis.conf'],
      notConfig: [],
    });
  });

  it('skips the .conf files of the deploy-includes project that are not nginx configuration, by their content', () => {
    const dir = 'fixtures/projects/deploy-includes';
    expect(findConfigFiles(REPO_ROOT, [dir], [])).toEqual({
      // conf/http.d/*, conf/limits.conf and the snippets hold no block: only read through an include
      nginx: [`${dir}/conf/nginx.conf`, `${dir}/conf/sites/app.conf`],
      redis: [],
      notConfig: [
        `${dir}/conf/http.d/10-dev.conf`,
        `${dir}/conf/http.d/20-timeouts.conf`,
        `${dir}/conf/limits.conf`,
        `${dir}/conf/sites/snippets/lua.conf`,
        `${dir}/conf/snippets/lua.conf`,
        `${dir}/notes.conf`,
        `${dir}/supervisord.conf`,
        `${dir}/templates/upstreams.tmpl.conf`,
      ],
    });
  });

  it('classifies single files', () => {
    expect(classifyConfFile(join(cwd, 'README.md'))).toBeUndefined();
    expect(classifyConfFile(join(cwd, 'templates/nginx.conf.liquid'))).toBeUndefined();
    expect(classifyConfFile(join(cwd, 'does-not-exist.conf'))).toBe('notConfig');
    expect(classifyConfFile(join(cwd, 'conf/site.conf'))).toBe('nginx');
  });
});

describe('sniffs', () => {
  it('recognizes nginx by its block and Lua directives', () => {
    // A location needs its block (on the same or a later line): prose such as "the location to" is not one.
    for (const text of ['http{', 'server  {', 'location ~ /x {', 'location /x\n{', 'content_by_lua_block {', 'upstream b {', 'worker_processes auto;']) {
      expect(sniffNginx(text), text).toBe(true);
    }
    for (const text of ['httpserver', 'myserver{', 'relocation', 'worker_processes_x 1', 'upstreams']) {
      expect(sniffNginx(text), text).toBe(false);
    }
  });

  it('recognizes redis by its setting lines unless it looks like nginx', () => {
    expect(sniffRedis('daemonize no\n  port 6379\n')).toBe(true);
    expect(sniffRedis('timeout\t0\n')).toBe(true);
    expect(sniffRedis('# port 6379\n')).toBe(false);
    expect(sniffRedis('report 1\n')).toBe(false);
    expect(sniffRedis('bind 1.2.3.4\nserver {\n')).toBe(false);
  });
});

describe('sniffing other programs’ configs', () => {
  it('does not take prose comments for nginx directives (tinyproxy.conf, found in APIcast)', () => {
    const tinyproxy = [
      '# occurs.  You will probably need to customize the location to your',
      '# particular install.  The usual locations to check are:',
      '# Upstream:',
      '# Turns on upstream proxy support.',
      'Port 8888',
      'Timeout 600',
      'Upstream http proxy:8080',
    ].join('\n');
    expect(sniffNginx(tinyproxy)).toBe(false);
  });

  it('shell scripts and INI files are not nginx, even with an nginx config in a here-document', () => {
    const shell = ['cat > /etc/nginx/conf.d/a.conf <<EOF', 'server {', '  listen 80;', '}', 'EOF'].join('\n');
    expect(sniffNginx(shell)).toBe(true);
    expect(sniffNotNginx(shell)).toBe(true);
    for (const text of [
      '#!/bin/sh\nserver {\n}\n',
      'if [ -f x ]; then\n  reload\nfi\n',
      'case "$1" in\n  *) ;;\nesac\n',
      'export NGINX_HOME=/opt/nginx\n',
      "cat <<-'CONF'\n",
      '[program:nginx]\ncommand=nginx\n',
    ]) {
      expect(sniffNotNginx(text), text).toBe(true);
    }
    // Never for nginx, Lua in nginx, or a comment that quotes a shell line
    const nginx = [
      'server {',
      '  if ($request_method = POST) { return 405; }',
      '  location ~ ^/[a-z]+$ {',
      '    content_by_lua_block {',
      '      if ngx.var.x then',
      '        for i = 1, 2 do ngx.say(i) end',
      '      end',
      '    }',
      '  }',
      '  # export A=1; fi',
      '}',
    ].join('\n');
    expect(sniffNotNginx(nginx)).toBe(false);
  });

  it('still recognizes nginx fragments', () => {
    expect(sniffNginx('server {\n  listen 80;\n}\n')).toBe(true);
    expect(sniffNginx('location /api {\n  content_by_lua_block { ngx.say(1) }\n}\n')).toBe(true);
    expect(sniffNginx('upstream backend {\n  server 127.0.0.1:8080;\n}\n')).toBe(true);
    expect(sniffNginx('lua_package_path "/x/?.lua;;";\ninit_by_lua_file init.lua;\n')).toBe(true);
  });
});
