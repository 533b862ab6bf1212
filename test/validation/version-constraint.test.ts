// Terraform version constraint syntax, table-driven: each operator, one to three numbers,
// comma-separated conditions that must all hold.
import { admitsMajor, parseConstraint, parseVersion, satisfies } from '../../lib/validation/version-constraint';

const sat = (constraint: string, version: string) => satisfies(parseConstraint(constraint)!, parseVersion(version)!);

test.each<[string, string, boolean]>([
  ['18.0.2', '18.0.2', true],
  ['= 18.0.2', '18.0.3', false],
  ['= 18', '18.0.0', true],
  ['!= 18.0.2', '18.0.2', false],
  ['!= 18.0.2', '18.0.3', true],
  ['> 18.0.2', '18.0.2', false],
  ['> 18.0.2', '18.0.3', true],
  ['>= 18.0.2', '18.0.2', true],
  ['>= 18.1', '18.0.9', false],
  ['< 18.0.2', '18.0.1', true],
  ['< 18', '18.0.0', false],
  ['<= 18.0.2', '18.0.2', true],
  ['<= 18.0.2', '18.0.3', false],
  ['~> 18', '18.9.9', true],
  ['~> 18', '19.0.0', false],
  ['~> 18', '17.9.9', false],
  ['~> 18.0', '18.1.4', true],
  ['~> 18.0', '19.0.0', false],
  ['~> 18.1', '18.0.9', false],
  ['~> 18.1.2', '18.1.9', true],
  ['~> 18.1.2', '18.2.0', false],
  ['~> 18.1.2', '18.1.1', false],
  ['>= 17.0, < 20.0', '18.0.2', true],
  ['>= 17.0, < 20.0', '20.0.0', false],
  ['>= 17.0,< 20.0, != 18.0.2', '18.0.2', false],
  ['~>18.0', '18.0.0', true],
  ['>= 18.0.0-rc.1', '18.0.0', true],
])('%s against %s: %s', (constraint, version, expected) => {
  expect(sat(constraint, version)).toBe(expected);
});

test.each(['', 'latest', '>= ', '=> 18.0', '>= 18.0,', '~> 1.2.3.4', 'v18 || v19'])('not constraint syntax: %j', (constraint) => {
  expect(parseConstraint(constraint)).toBeUndefined();
});

test.each<[string, number, boolean]>([
  ['~> 18.0', 18, true],
  ['~> 18.0', 17, false],
  ['~> 18.0', 19, false],
  ['>= 17.0, < 20.0', 18, true],
  ['>= 17.0, < 20.0', 20, false],
  ['> 18.5.0', 18, true], // 18.5.1
  ['= 18.1.0', 18, true],
  ['< 18.0.0', 18, false],
  ['>= 18.0.0, != 18.0.0, < 18.0.2', 18, true], // 18.0.1 only
  ['>= 18.0.0, != 18.0.0, != 18.0.1, < 18.0.2', 18, false],
  ['~> 17.3.1', 17, true],
  ['~> 17.3.1', 18, false],
])('%s admits a provider of major %i: %s', (constraint, major, expected) => {
  expect(admitsMajor(parseConstraint(constraint)!, major)).toBe(expected);
});

test('versions: Teleport server versions, with a v prefix or a pre-release suffix', () => {
  expect(parseVersion('18.1.4')).toEqual([18, 1, 4]);
  expect(parseVersion('v17.0.0-dev.3')).toEqual([17, 0, 0]);
  expect(parseVersion('eighteen')).toBeUndefined();
});
