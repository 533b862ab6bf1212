// The roles Teleport creates on every cluster ("presets"), as the role values the access model reads
// (the provider's snake_case, like a `teleport_role` in cdk.tf.json). They grant what Teleport gives
// them when it creates them; an administrator may have edited them since (the report says so).
//
// Source: gravitational/teleport lib/services/presets.go @ 00d0ff93cf0d54c2fcf17994cfe59ff571f6e6dc
// (`NewPresetAccessRole`, `NewPresetEditorRole`, `NewPresetAuditorRole`,
// `NewPresetTerraformProviderRole`, and the Enterprise-only `NewPresetRequireTrustedDeviceRole`,
// `NewPresetGroupAccessRole`, `NewPresetDeviceAdminRole`, `NewPresetDeviceEnrollRole`,
// `NewPresetReviewerRole`, `NewPresetRequesterRole`); `RW()` = list, create, read, update, delete and
// `RO()` = list, read (lib/services/role.go). `MaxCertDuration` is 30h (api/defaults).

const RW = ['list', 'create', 'read', 'update', 'delete'];
const RO = ['list', 'read'];
const ALL = { '*': ['*'] };
const rule = (resources: string[], verbs: string[], where?: string) => ({ resources, verbs, ...(where ? { where } : {}) });

/** What NewPresetEditorRole grants read-write (and the few read-only or extra-verb rules). */
const EDITOR_RW = [
  'user',
  'role',
  'bot',
  'crown_jewel',
  'db_object_import_rule',
  'oidc',
  'saml',
  'github',
  'oidc_request',
  'saml_request',
  'github_request',
  'cluster_audit_config',
  'cluster_auth_preference',
  'auth_connector',
  'cluster_name',
  'cluster_networking_config',
  'session_recording_config',
  'external_audit_storage',
  'ui_config',
  'trusted_cluster',
  'remote_cluster',
  'token',
  'connection_diagnostic',
  'db',
  'database_certificate',
  'installer',
  'login_rule',
  'saml_idp_service_provider',
  'user_group',
  'plugin',
  'okta_import_rule',
  'okta_assignment',
  'lock',
  'billing',
  'cluster_alert',
  'access_list',
  'node',
  'discovery_config',
  'access_graph',
  'server_info',
  'access_monitoring_rule',
  'app_server',
  'vnet_config',
  'bot_instance',
  'access_graph_settings',
  'spiffe_federation',
  'notification',
  'static_host_user',
  'user_task',
];

/** Resources NewPresetTerraformProviderRole may edit (every resource the provider supports). */
const TERRAFORM_RW = [
  'access_list',
  'app',
  'cluster_auth_preference',
  'cluster_maintenance_config',
  'cluster_networking_config',
  'db',
  'device',
  'github',
  'login_rule',
  'node',
  'oidc',
  'okta_import_rule',
  'role',
  'saml',
  'session_recording_config',
  'token',
  'trusted_cluster',
  'user',
  'bot',
  'installer',
  'access_monitoring_rule',
  'static_host_user',
];

const SESSION_OPTIONS = {
  cert_format: 'standard',
  max_session_ttl: '30h0m0s',
  port_forwarding: true,
  forward_agent: true,
  enhanced_recording: ['command', 'network'],
};

/** One preset: its role values and whether only Teleport Enterprise creates it. */
export interface PresetDefinition {
  readonly enterprise: boolean;
  readonly values: Record<string, any>;
}

const preset = (version: string, spec: Record<string, any>, enterprise = false): PresetDefinition => ({ enterprise, values: { version, spec } });

export const PRESETS: ReadonlyMap<string, PresetDefinition> = new Map([
  [
    'access',
    preset('v7', {
      options: { ...SESSION_OPTIONS, record_session: { desktop: true } },
      allow: {
        logins: ['{{internal.logins}}'],
        windows_desktop_logins: ['{{internal.windows_logins}}'],
        node_labels: ALL,
        app_labels: ALL,
        kubernetes_labels: ALL,
        windows_desktop_labels: ALL,
        db_labels: ALL,
        db_service_labels: ALL,
        db_names: ['{{internal.db_names}}'],
        db_users: ['{{internal.db_users}}'],
        db_roles: ['{{internal.db_roles}}'],
        kubernetes_users: ['{{internal.kubernetes_users}}'],
        kubernetes_groups: ['{{internal.kubernetes_groups}}'],
        aws_role_arns: ['{{internal.aws_role_arns}}'],
        azure_identities: ['{{internal.azure_identities}}'],
        gcp_service_accounts: ['{{internal.gcp_service_accounts}}'],
        kubernetes_resources: [{ kind: '*', namespace: '*', name: '*', verbs: ['*'] }],
        rules: [
          rule(['event'], RO),
          rule(['session'], ['read', 'list'], 'contains(session.participants, user.metadata.name)'),
          rule(['instance'], RO),
          rule(['cluster_maintenance_config'], RO),
        ],
      },
    }),
  ],
  [
    'editor',
    preset('v7', {
      options: { ...SESSION_OPTIONS, record_session: { desktop: false } },
      allow: {
        rules: [
          ...EDITOR_RW.map((r) => rule([r], RW)),
          rule(['device'], [...RW, 'create_enroll_token', 'enroll']),
          rule(['db_service'], RO),
          rule(['instance'], RO),
          rule(['integration'], [...RW, 'use']),
          rule(['security_report'], [...RW, 'use']),
          rule(['audit_query'], [...RW, 'use']),
        ],
      },
    }),
  ],
  [
    'auditor',
    preset('v7', {
      // Teleport also gives it one random login `no-login-<uuid>` that no host has (left out here).
      options: { cert_format: 'standard', max_session_ttl: '30h0m0s', record_session: { desktop: false } },
      allow: {
        rules: [
          ...['session', 'event', 'session_tracker', 'cluster_alert', 'instance', 'bot_instance', 'notification'].map((r) => rule([r], RO)),
          rule(['security_report'], [...RO, 'use']),
          rule(['audit_query'], [...RO, 'use']),
        ],
      },
    }),
  ],
  ['terraform-provider', preset('v7', { allow: { app_labels: ALL, db_labels: ALL, node_labels: ALL, rules: [rule(TERRAFORM_RW, RW)] } })],
  [
    'require-trusted-device',
    preset(
      'v6',
      {
        options: { device_trust_mode: 'required' },
        allow: {
          logins: ['{{internal.logins}}'],
          node_labels: ALL,
          kubernetes_groups: ['{{internal.kubernetes_groups}}', 'system:masters', 'developers', 'viewers'],
          kubernetes_labels: ALL,
          db_labels: ALL,
          db_names: ['*'],
          db_users: ['*'],
        },
      },
      true,
    ),
  ],
  ['group-access', preset('v6', { allow: { group_labels: ALL, rules: [rule(['user_group'], RO)] } }, true)],
  ['device-admin', preset('v6', { allow: { rules: [rule(['device'], [...RW, 'create_enroll_token', 'enroll'])] } }, true)],
  ['device-enroll', preset('v6', { allow: { rules: [rule(['device'], ['enroll'])] } }, true)],
  // Access Requests and reviews only: no resource access of their own.
  ['reviewer', preset('v6', { allow: {} }, true)],
  ['requester', preset('v6', { allow: {} }, true)],
]);
