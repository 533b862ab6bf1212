// Role: the helpers for Teleport's own resources (rules) and Access Requests, on the synthesized JSON.
import { Role, RoleVersion } from '../../lib/constructs/role';
import { newStack } from '../support/constructs';
import { synthRole } from '../support/role';

describe('Role rules and Access Requests', () => {
  test('allowRule, allowRead and denyRule append rules in call order; where is kept', () => {
    // GIVEN a role without conditions
    const r = new Role(newStack(), 'dev', { name: 'dev', version: RoleVersion.V8 });
    // WHEN rules are added on both sides
    r.allowRule(['role'], ['list', 'read']);
    r.allowRule(['token'], ['create'], 'equals(resource.metadata.name, "x")');
    r.denyRule(['user'], ['delete']);
    r.allowRead('session', 'event');
    // THEN
    const spec = synthRole(r).spec;
    expect(spec.allow).toEqual({
      rules: [
        { resources: ['role'], verbs: ['list', 'read'] },
        { resources: ['token'], verbs: ['create'], where: 'equals(resource.metadata.name, "x")' },
        { resources: ['session', 'event'], verbs: ['list', 'read'] },
      ],
    });
    expect(spec.deny).toEqual({ rules: [{ resources: ['user'], verbs: ['delete'] }] });
  });

  test('allowRequestRoles and allowReviewRoles merge roles without duplicates', () => {
    // GIVEN a role without conditions
    const r = new Role(newStack(), 'dev', { name: 'dev', version: RoleVersion.V8 });
    // WHEN request roles are added twice (admin both times) and a review role once
    r.allowRequestRoles('admin');
    r.allowRequestRoles('admin', 'dba');
    r.allowReviewRoles('dev');
    // THEN
    expect(synthRole(r).spec.allow).toEqual({ request: { roles: ['admin', 'dba'] }, review_requests: { roles: ['dev'] } });
  });

  test('request roles join the rest of a request block given in the props', () => {
    // GIVEN a role whose props allow search-based requests
    const allow = { request: { searchAsRoles: ['access'], roles: ['auditor'] } };
    const r = new Role(newStack(), 'dev', { name: 'dev', version: RoleVersion.V8, allow });
    // WHEN a request role is added
    r.allowRequestRoles('dba');
    // THEN the block keeps what it had
    expect(synthRole(r).spec.allow).toEqual({ request: { roles: ['auditor', 'dba'], search_as_roles: ['access'] } });
  });
});
