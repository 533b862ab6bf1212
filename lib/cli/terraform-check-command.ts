import { CannotRunError, resolveSchemaFile } from '../terraform-check/environment';
import { checkSubject, terraformCheck } from '../terraform-check/terraform-check';
import type { CommandSpec } from './command';
import { UsageError } from './usage-error';

export const TERRAFORM_CHECK_HELP = `cdktf-teleport terraform-check <stack dir | *.tf.json file | cdktf.out>... [--plan-json DIR [--plan-json-keep-sensitive]] [--schema FILE] [--var-file FILE]... [--max-input-size SIZE] [--json]

Runs each stack through \`terraform validate\`, \`terraform plan\` and \`terraform show -json\` in a
temporary copy (the backend and cloud blocks are dropped: your state is never touched), against a
local provider process that serves the Teleport provider's *schema* and never contacts a cluster.
Required variables get placeholder values of their type; --var-file values override them. Also
runs the strict offline check, because Terraform silently drops unknown keys inside nested
attributes. Terraform never reaches the network and gets no credentials: stacks that use anything but
the Teleport provider's resources and data sources (other providers, terraform_remote_state,
terraform_data, check blocks with other data sources, module calls, .tf files that are not provably
safe) are not run through Terraform (a terraform.not-checkable warning says so).

This checks against the provider schema, not a server: use \`validate\` for the live clusters.

  --plan-json DIR   write each stack's plan as DIR/<stack>.plan.json (input for \`validate\`), mode 0600,
                    with every value Terraform marks sensitive redacted
  --plan-json-keep-sensitive
                    keep the sensitive values in those files (plaintext secrets on disk)
  --schema FILE     serve (and check strictly against) another \`terraform providers schema -json\` document
  --var-file FILE   pass a variable file to plan (repeatable; later files win, as in Terraform)
  --max-input-size SIZE
                    the largest input file read (default 64MiB)

Terraform runs with an empty HOME and without credentials or settings from your environment (cloud
credentials such as AWS_*, GOOGLE_*, ARM_*/AZURE_*, Teleport's, CI tokens, proxies, TF_VAR_*,
TF_CLI_ARGS*, TF_TOKEN_*: docs/cli/terraform-check.md lists them), and without terraform.tfvars or
*.auto.tfvars files.`;

export const terraformCheckCommand: CommandSpec = {
  help: TERRAFORM_CHECK_HELP,
  options: {
    'plan-json': { type: 'string' },
    'plan-json-keep-sensitive': { type: 'boolean' },
    schema: { type: 'string' },
    'var-file': { type: 'string', multiple: true },
  },
  run: async (positionals, values) => {
    if (positionals.length === 0) throw new UsageError(`terraform-check needs at least one path\n\n${TERRAFORM_CHECK_HELP}`);
    if (values['plan-json-keep-sensitive'] === true && values['plan-json'] === undefined)
      throw new UsageError('--plan-json-keep-sensitive goes with --plan-json DIR');
    try {
      const schemaFile = typeof values.schema === 'string' ? resolveSchemaFile(values.schema) : undefined;
      const results = await terraformCheck(positionals, {
        planJsonDir: values['plan-json'] as string | undefined,
        planJsonKeepSensitive: values['plan-json-keep-sensitive'] === true,
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
