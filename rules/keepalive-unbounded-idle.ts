import type { Rule } from '../src/model/rule.ts';

export const rule: Rule = {
  meta: {
    id: 'keepalive-unbounded-idle',
    name: 'KeepaliveUnboundedIdle',
    shortDescription: 'set_keepalive(0, ...) keeps idle connections forever',
    fullDescription:
      'set_keepalive(0, ...) gives pooled connections no idle limit on the client side. Servers and load balancers have their own idle timeouts and close them first; a close that races with reuse surfaces as an error on the first command.',
    help: {
      text: 'Pass an idle timeout shorter than the server\'s (Redis `timeout`) and any load balancer\'s idle timeout, e.g. set_keepalive(10000, 100). A non-literal or omitted timeout is not reported.',
      markdown: "Pass an idle timeout shorter than the server's (Redis `timeout`) and any load balancer's idle timeout, e.g. `set_keepalive(10000, 100)`. A non-literal or omitted timeout is not reported.",
    },
    defaultLevel: 'note',
    tags: ['reliability', 'connection-pool'],
    precision: 'very-high',
    example: {
      bad: 'red:set_keepalive(0, 100)  -- pooled connections never expire on the nginx side',
      good: "red:set_keepalive(10000, 100)  -- 10 s, below the server's and the load balancer's idle timeouts",
    },
  },
  check(model, report) {
    const calls = [...model.poolUses.filter((u) => u.mode === 'long' && !u.timeoutInWrapper), ...model.wrapperKeepalives];
    for (const u of calls) {
      if (u.timeoutMs !== 0) continue;
      report({
        message:
          `\`${u.via}(0, ...)\` keeps idle connections with no time limit. The server or a load balancer will close them first, and ngx_lua only notices when the connection is reused. ` +
          "Pass an idle timeout shorter than the server's, such as 10000 ms.",
        location: u.location,
        // A call written on the client (not through a wrapper whose arguments mean something else) gets a bound.
        fix: /^[A-Za-z_]\w*$/.test(u.via)
          ? { description: `Bound the idle time: ${u.via}(10000, ...) keeps idle connections 10 s`, call: u.location, method: u.via, args: ['10000', null] }
          : undefined,
      });
    }
  },
};
