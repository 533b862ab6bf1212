import { CannotRunError } from '../terraform-check/environment';
import { terraformCheck } from '../terraform-check/terraform-check';
import type { CommandSpec } from './main';
import { UsageError } from './usage-error';

export const TERRAFORM_CHECK_HELP = `cdktf-teleport terraform-check <stack dir | cdk.tf.json | cdktf.out>... [--plan-json DIR] [--schema FILE] [--json]

Runs each stack through \`terraform validate\`, \`terraform plan\` and \`terraform show -json\` in a
temporary copy (the backend block is dropped: your state is never touched), against a local provider
process that serves the Teleport provider's *schema* and never contacts a cluster. Required
variables get placeholder values. Also runs the strict offline check, because Terraform silently
drops unknown keys inside nested attributes.

This checks against the provider schema, not a server: use \`validate\` for the live clusters.

  --plan-json DIR   write each stack's plan as DIR/<stack>.plan.json (input for \`validate\`)
  --schema FILE     serve another \`terraform providers schema -json\` document`;

export const terraformCheckCommand: CommandSpec = {
  help: TERRAFORM_CHECK_HELP,
  options: { 'plan-json': { type: 'string' }, schema: { type: 'string' } },
  run: async (positionals, values) => {
    if (positionals.length === 0) throw new UsageError(`terraform-check needs at least one path\n\n${TERRAFORM_CHECK_HELP}`);
    try {
      const results = await terraformCheck(positionals, { planJsonDir: values['plan-json'] as string | undefined, schemaFile: values.schema as string | undefined });
      return { findings: results.flatMap((r) => r.findings), subject: `${results.length} stack(s) checked with terraform` };
    } catch (e) {
      if (e instanceof CannotRunError) throw new UsageError(e.message);
      throw e;
    }
  },
};
