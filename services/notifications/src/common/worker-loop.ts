/**
 * Runs `step` over and over in `concurrency` lanes while it finds work; when it finds none, a lane sleeps until
 * `wake()` or the poll interval. `stop()` lets the steps in flight finish (a graceful restart loses and doubles nothing).
 */
export class WorkerLoop {
  private running = false;
  private lanes: Promise<void>[] = [];
  private sleepers: (() => void)[] = [];
  private timer?: NodeJS.Timeout;

  constructor(
    private readonly name: string,
    /** Does one unit of work; resolves true when there was some (then it runs again at once). */
    private readonly step: () => Promise<boolean>,
    private readonly options: { pollMs: number; concurrency: number; onError: (error: unknown) => void },
  ) {}

  start(): void {
    if (this.running) return;
    this.running = true;
    this.lanes = Array.from({ length: this.options.concurrency }, () => this.lane());
    this.timer = setInterval(() => this.wake(), this.options.pollMs);
  }

  wake(): void {
    const sleepers = this.sleepers;
    this.sleepers = [];
    sleepers.forEach((resolve) => resolve());
  }

  async stop(): Promise<void> {
    this.running = false;
    if (this.timer) clearInterval(this.timer);
    this.wake();
    await Promise.all(this.lanes);
  }

  get active(): boolean {
    return this.running;
  }

  private async lane(): Promise<void> {
    while (this.running) {
      let worked = false;
      try {
        worked = await this.step();
      } catch (error) {
        this.options.onError(error);
        worked = false;
      }
      if (!worked && this.running) await new Promise<void>((resolve) => this.sleepers.push(resolve));
    }
  }

  toString(): string {
    return this.name;
  }
}
