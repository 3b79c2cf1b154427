import type { Rule } from '../src/model/rule.ts';

/**
 * Reported by the engine for an nginx `include` whose files the analysis did not read, or read from another
 * place than the one written (docs/semantics.md §5.4). Never for the files nginx ships (mime.types, fastcgi_params...).
 */
export const rule: Rule = {
  meta: {
    id: 'unresolved-include',
    name: 'UnresolvedInclude',
    shortDescription: 'An nginx include was not read where nginx would read it: not in the repository, or outside it',
    fullDescription:
      'The include names a file the scanned tree does not hold where nginx would look for it (generated at deploy time, installed on the server, or simply missing), or a path outside the scanned tree, which is never read. The analysis goes on without it, so findings that depend on its directives (Lua code, lua_code_cache, keepalive timeouts) may be missing. An absolute path whose end matches a file in the tree (/opt/app/conf/server.conf and conf/server.conf) is read from that file instead, and one note per main configuration says so. The files nginx itself installs next to nginx.conf (mime.types, fastcgi_params, fastcgi.conf, scgi_params, uwsgi_params, koi-utf, koi-win, win-utf, and Debian\'s proxy_params and snippets) are never reported.',
    help: {
      text: 'Nothing to fix in the configuration. To have the included directives analyzed, keep the file in the repository at the path nginx reads (relative includes are resolved against the directory of the main nginx.conf), or pass the rendered configuration with --nginx-conf. Turn the rule off in the config file if the notes are not useful.',
      markdown:
        'Nothing to fix in the configuration. To have the included directives analyzed, keep the file in the repository at the path nginx reads (relative includes are resolved against the directory of the main `nginx.conf`), or pass the rendered configuration with `--nginx-conf`. Turn the rule off in the config file (`"rules": { "unresolved-include": "off" }`) if the notes are not useful.',
    },
    defaultLevel: 'note',
    tags: ['maintainability'],
    precision: 'very-high',
  },
};
