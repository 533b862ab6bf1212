import { roleHit, roleText } from '../context';
import { GuardrailRule, RuleHit } from '../rule';

export const TG109: GuardrailRule = {
  id: 'TG109',
  level: 'warning',
  recommended: false,
  title: 'A root-reachable leaf role allows SSH agent or X11 forwarding',
  explanation:
    "Agent forwarding hands the leaf node a channel to the root user's SSH agent: anyone with root on that node can " +
    "use the user's keys for as long as the session is open. X11 forwarding opens the user's display to the node. " +
    "Teleport's `access` preset allows agent forwarding, so mapping root users to it on a leaf does too.",
  sources: [
    'Teleport role reference (role-spec.mdx) `options.forward_agent`, `options.permit_x11_forwarding`',
    'gravitational/teleport lib/services/role.go `CanForwardAgents`; lib/services/presets.go @ 00d0ff93 (`forward_agent: true` on `access`)',
  ],
  fix: 'Set `options.forward_agent: false` and leave `permit_x11_forwarding` unset on the leaf role.',
  check(context) {
    const hits: RuleHit[] = [];
    for (const role of context.reached) {
      const options = role.role.grants.options;
      const allowed = [options.forwardAgent ? 'agent forwarding' : '', options.permitX11Forwarding ? 'X11 forwarding' : ''].filter(Boolean);
      if (allowed.length === 0) continue;
      const field = options.forwardAgent ? 'options.forward_agent' : 'options.permit_x11_forwarding';
      hits.push(roleHit(role, field, `${roleText(role)} allows ${allowed.join(' and ')}, and ${role.from} reaches it.`));
    }
    return hits;
  },
};
