// Ctrl-C and SIGTERM during terraform-check: stop starting new Terraform commands, let the running
// ones stop (Terraform asks the provider to stop and exits), then remove the temporary workspace,
// which holds plan files and copies of the configuration. Ctrl-C reaches the whole process group,
// so Terraform already has SIGINT; a SIGTERM sent to this process alone is passed on as SIGINT.
import { runningTerraform } from './run-terraform';

/** Thrown by a stack's check when it stopped because of a signal. */
export class InterruptedError extends Error {
  constructor(public readonly signal: NodeJS.Signals) {
    super(`interrupted by ${signal}`);
  }
}

export class InterruptWatch {
  private received?: NodeJS.Signals;
  private readonly onSigint = () => this.receive('SIGINT');
  private readonly onSigterm = () => this.receive('SIGTERM');

  constructor() {
    process.on('SIGINT', this.onSigint);
    process.on('SIGTERM', this.onSigterm);
  }

  /** The signal received so far, if any. */
  get signal(): NodeJS.Signals | undefined {
    return this.received;
  }

  /** Throws InterruptedError once a signal has been received. */
  check(): void {
    if (this.received) throw new InterruptedError(this.received);
  }

  dispose(): void {
    process.off('SIGINT', this.onSigint);
    process.off('SIGTERM', this.onSigterm);
  }

  private receive(signal: NodeJS.Signals): void {
    const first = this.received === undefined;
    this.received ??= signal;
    if (signal === 'SIGTERM' && first) for (const child of runningTerraform) child.kill('SIGINT');
  }
}
