/** Counts the SQL statements a subgraph sends, to prove batching (no N+1). */
export class SqlCounter {
  statements: string[] = [];

  readonly record = (sql: string): void => {
    this.statements.push(sql);
  };

  get count(): number {
    return this.statements.length;
  }

  reset(): void {
    this.statements = [];
  }

  /** Statements sent while `fn` ran. */
  async during<T>(fn: () => Promise<T>): Promise<{ result: T; statements: string[] }> {
    const start = this.statements.length;
    const result = await fn();
    return { result, statements: this.statements.slice(start) };
  }
}
