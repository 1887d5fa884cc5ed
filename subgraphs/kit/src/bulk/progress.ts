/** A one-line progress bar on stderr (a plain line per 10% when stderr is not a terminal). */
export class ProgressBar {
  private done = 0;
  private lastDraw = 0;
  private lastDecile = -1;
  private readonly started = Date.now();

  constructor(
    private readonly label: string,
    private readonly total: number,
    private readonly unit = 'rows',
  ) {}

  tick(n = 1): void {
    this.done += n;
    const now = Date.now();
    if (now - this.lastDraw < 200 && this.done < this.total) return;
    this.lastDraw = now;
    this.draw();
  }

  private draw(): void {
    const share = this.total ? Math.min(1, this.done / this.total) : 1;
    const seconds = (Date.now() - this.started) / 1000;
    const rate = seconds > 0 ? Math.round(this.done / seconds) : 0;
    if (process.stderr.isTTY) {
      const width = 30;
      const filled = Math.round(share * width);
      process.stderr.write(`\r${this.label} [${'#'.repeat(filled)}${'.'.repeat(width - filled)}] ${(share * 100).toFixed(0).padStart(3)}% ${this.done}/${this.total} ${this.unit} ${rate}/s `);
    } else {
      const decile = Math.floor(share * 10);
      if (decile === this.lastDecile) return;
      this.lastDecile = decile;
      process.stderr.write(`${this.label}: ${(share * 100).toFixed(0)}% (${this.done}/${this.total} ${this.unit}, ${rate}/s)\n`);
    }
  }

  finish(): { seconds: number } {
    this.done = Math.max(this.done, this.total);
    this.draw();
    if (process.stderr.isTTY) process.stderr.write('\n');
    return { seconds: (Date.now() - this.started) / 1000 };
  }
}
