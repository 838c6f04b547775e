/**
 * When the language server dies, restart it unless it has died too often lately, and tell
 * the user once per session. Pure so it is unit-tested without an editor.
 */
export const MAX_RESTARTS = 4;
export const RESTART_WINDOW_MS = 3 * 60 * 1000;

export interface RestartDecision {
  restart: boolean;
  /** Text for the user, or undefined when they were already told. */
  message?: string;
}

export class RestartPolicy {
  private readonly crashes: number[] = [];
  private told = false;

  constructor(private readonly now: () => number = Date.now) {}

  onServerClosed(): RestartDecision {
    const t = this.now();
    this.crashes.push(t);
    while (this.crashes.length && t - this.crashes[0] > RESTART_WINDOW_MS) this.crashes.shift();
    if (this.crashes.length > MAX_RESTARTS) {
      return {
        restart: false,
        message: `The IMR language server stopped ${this.crashes.length} times in the last 3 minutes and will not be restarted. Reload the window to try again.`,
      };
    }
    if (this.told) return { restart: true };
    this.told = true;
    return { restart: true, message: 'The IMR language server stopped unexpectedly and was restarted.' };
  }
}
