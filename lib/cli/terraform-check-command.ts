import { CannotRunError, resolveSchemaFile } from '../terraform-check/environment';
import { checkSubject, terraformCheck } from '../terraform-check/terraform-check';
import type { CommandSpec } from './main';
import { UsageError } from './usage-error';

export const TERRAFORM_CHECK_HELP = `cdktf-teleport terraform-check <stack dir | cdk.tf.json | cdktf.out>... [--plan-json DIR] [--schema FILE] [--var-file FILE]... [--json]

Runs each stack through \`terraform validate\`, \`terraform plan\` and \`terraform show -json\` in a
temporary copy (the backend and cloud blocks are dropped: your state is never touched), against a
local provider process that serves the Teleport provider's *schema* and never contacts a cluster.
Required variables get placeholder values of their type; --var-file values override them. Also
runs the strict offline check, because Terraform silently drops unknown keys inside nested
attributes. Stacks with other providers or module calls are not run through Terraform (a
terraform.not-checkable warning says so).

This checks against the provider schema, not a server: use \`validate\` for the live clusters.

  --plan-json DIR   write each stack's plan as DIR/<stack>.plan.json (input for \`validate\`)
  --schema FILE     serve (and check strictly against) another \`terraform providers schema -json\` document
  --var-file FILE   pass a variable file to plan (repeatable; later files win, as in Terraform)

Terraform runs without TF_CLI_ARGS*, TF_DATA_DIR, TF_WORKSPACE, TF_VAR_*, TF_REATTACH_PROVIDERS and
TF_TOKEN_* from your environment, and without terraform.tfvars or *.auto.tfvars files.`;

export const terraformCheckCommand: CommandSpec = {
  help: TERRAFORM_CHECK_HELP,
  options: { 'plan-json': { type: 'string' }, schema: { type: 'string' }, 'var-file': { type: 'string', multiple: true } },
  run: async (positionals, values) => {
    if (positionals.length === 0) throw new UsageError(`terraform-check needs at least one path\n\n${TERRAFORM_CHECK_HELP}`);
    try {
      const schemaFile = typeof values.schema === 'string' ? resolveSchemaFile(values.schema) : undefined;
      const results = await terraformCheck(positionals, {
        planJsonDir: values['plan-json'] as string | undefined,
        schemaFile,
        varFiles: (values['var-file'] as string[] | undefined) ?? [],
      });
      return { findings: results.flatMap((r) => r.findings), subject: checkSubject(results) };
    } catch (e) {
      if (e instanceof CannotRunError) throw new UsageError(e.message);
      throw e;
    }
  },
};
