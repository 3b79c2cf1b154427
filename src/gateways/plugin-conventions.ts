// How API gateways recognise a plugin and in which nginx phase they run each of its methods: one entry per
// gateway, as src/clients/profiles.ts is for client libraries. A plugin is recognised by the SHAPE of the value
// its module returns (the fields it sets, or the base it is made from), never by its path alone: custom plugins
// in a user's own tree count as much as the gateway's bundled ones. The method → phase rows come from each
// gateway's own source, cited per row (docs/semantics.md §3.3). Reading the source is how they were found; none
// of it is copied here.
import type { LuaPhase } from '../nginx/lua-directives.ts';

export interface PluginMethod {
  /** The nginx phase (ngx_lua context) the gateway calls the method in. */
  phase: LuaPhase;
  /** Where the gateway calls it: `file: function, call`. */
  calledBy: string;
}

export interface PluginShape {
  /** Fields the module's value must all have (`PRIORITY` and `VERSION` for a Kong handler). */
  fields?: readonly string[];
  /** Or the value is made by calling this function of this module (`require('apicast.policy').new(name)`). */
  madeBy?: { module: string; fn: string };
}

export interface PluginConvention {
  gateway: string;
  /** Where the gateway keeps its bundled plugins (documentation only: recognition is by shape). */
  home: string;
  /** What the module returns when it is a plugin of this gateway. */
  shape: PluginShape;
  /** Methods the gateway runs per phase. Methods it runs outside any nginx phase of a request (APISIX `destroy`,
   *  on reload) and stream-only ones (`preread`, where cosockets work) are left out. */
  methods: Readonly<Record<string, PluginMethod>>;
}

export const PLUGIN_CONVENTIONS: readonly PluginConvention[] = [
  {
    // Kong 3.x: kong/init.lua runs the handlers' methods through execute_*_plugins_iterator(it, "<phase>", ctx)
    // from its per-phase entry functions; kong/runloop/plugins_iterator.lua lists the phases.
    gateway: 'Kong',
    home: 'kong/plugins/<name>/handler.lua',
    shape: { fields: ['PRIORITY', 'VERSION'] },
    methods: {
      init_worker: { phase: 'init_worker', calledBy: 'kong/init.lua: Kong.init_worker → execute_init_worker_plugins_iterator' },
      // First called at the end of Kong.init_worker, later again when the plugins iterator is rebuilt.
      configure: { phase: 'init_worker', calledBy: 'kong/init.lua: Kong.init_worker → plugins_iterator:configure' },
      certificate: { phase: 'ssl_certificate', calledBy: 'kong/init.lua: Kong.ssl_certificate, "certificate"' },
      rewrite: { phase: 'rewrite', calledBy: 'kong/init.lua: Kong.rewrite, "rewrite"' },
      access: { phase: 'access', calledBy: 'kong/init.lua: Kong.access, "access"' },
      // Buffered proxying: the response is read in the content phase, then plugins see it.
      response: { phase: 'content', calledBy: 'kong/init.lua: Kong.response, "response"' },
      header_filter: { phase: 'header_filter', calledBy: 'kong/init.lua: Kong.header_filter, "header_filter"' },
      body_filter: { phase: 'body_filter', calledBy: 'kong/init.lua: Kong.body_filter, "body_filter"' },
      log: { phase: 'log', calledBy: 'kong/init.lua: Kong.log, "log"' },
    },
  },
  {
    // APISIX: apisix/init.lua runs plugins per phase with plugin.run_plugin(phase) / common_phase(phase), and
    // apisix/plugin.lua (load_plugin) calls a plugin's init() when plugins are loaded in init_worker.
    gateway: 'APISIX',
    home: 'apisix/plugins/<name>.lua',
    shape: { fields: ['name', 'priority', 'schema'] },
    methods: {
      init: { phase: 'init_worker', calledBy: 'apisix/plugin.lua: load_plugin → plugin.init; _M.init_worker → _M.load, from apisix/init.lua http_init_worker' },
      // APISIX runs the rewrite plugins in its access_by_lua handler.
      rewrite: { phase: 'access', calledBy: 'apisix/init.lua: http_access_phase, run_plugin("rewrite")' },
      access: { phase: 'access', calledBy: 'apisix/init.lua: http_access_phase, run_plugin("access")' },
      // In access (handle_upstream); on a retry apisix/balancer.lua runs it again in the balancer phase.
      before_proxy: { phase: 'access', calledBy: 'apisix/init.lua: handle_upstream, common_phase("before_proxy")' },
      header_filter: { phase: 'header_filter', calledBy: 'apisix/init.lua: http_header_filter_phase, common_phase("header_filter")' },
      body_filter: { phase: 'body_filter', calledBy: 'apisix/init.lua: http_body_filter_phase, common_phase("body_filter")' },
      delayed_body_filter: { phase: 'body_filter', calledBy: 'apisix/init.lua: http_body_filter_phase, common_phase("delayed_body_filter")' },
      log: { phase: 'log', calledBy: 'apisix/init.lua: http_log_phase, common_phase("log")' },
    },
  },
  {
    // APIcast: gateway/src/apicast/policy.lua lists the phases (INIT_PHASES, REQUEST_PHASES) and makes policies
    // (_M.new(name, version)); gateway/src/apicast/executor.lua runs the policy chain's method of each phase,
    // called from the *_by_lua blocks of gateway/http.d/*.conf and gateway/conf.d/*.conf.
    gateway: 'APIcast',
    home: 'gateway/src/apicast/policy/<name>/<name>.lua',
    shape: { madeBy: { module: 'apicast.policy', fn: 'new' } },
    methods: {
      init: { phase: 'init', calledBy: 'gateway/http.d/init.conf: init_by_lua_block, module:init()' },
      init_worker: { phase: 'init_worker', calledBy: 'gateway/http.d/init.conf: init_worker_by_lua_block, executor:init_worker()' },
      rewrite: { phase: 'rewrite', calledBy: 'gateway/conf.d/apicast.conf: rewrite_by_lua_block, executor:rewrite()' },
      access: { phase: 'access', calledBy: 'gateway/conf.d/apicast.conf: access_by_lua_block, executor:access()' },
      content: { phase: 'content', calledBy: 'gateway/conf.d/apicast.conf: content_by_lua_block, executor:content()' },
      balancer: { phase: 'balancer', calledBy: 'gateway/http.d/upstream.conf: balancer_by_lua_block, executor:balancer()' },
      header_filter: { phase: 'header_filter', calledBy: 'gateway/conf.d/apicast.conf: header_filter_by_lua_block, executor:header_filter()' },
      body_filter: { phase: 'body_filter', calledBy: 'gateway/conf.d/apicast.conf: body_filter_by_lua_block, executor:body_filter()' },
      post_action: { phase: 'content', calledBy: 'gateway/conf.d/apicast.conf: post_action location, content_by_lua_block, executor:post_action()' },
      log: { phase: 'log', calledBy: 'gateway/conf.d/apicast.conf: log_by_lua_block, executor:log()' },
      metrics: { phase: 'content', calledBy: 'gateway/http.d/apicast.conf.liquid: content_by_lua_block, executor:metrics()' },
      ssl_certificate: { phase: 'ssl_certificate', calledBy: 'gateway/http.d/apicast.conf.liquid: ssl_certificate_by_lua_block, executor:ssl_certificate()' },
    },
  },
];
