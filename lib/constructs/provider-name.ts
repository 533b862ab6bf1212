import { TerraformProvider } from 'cdktf';

/** The provider a resource is managed by, as Terraform names it (`teleport.<alias>`, `teleport` for the default one). */
export function providerName(provider: TerraformProvider | undefined): string {
  return provider?.fqn ?? 'teleport';
}
