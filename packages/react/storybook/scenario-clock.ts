/**
 * The in-page API's clock for the stories. It stands still at `restingAt`, so every story shows the same
 * figures on every day, and moves only while a scenario's history is replayed (a charge on 2 November is made
 * at 2 November). One API serves every story of the page, so the clock is one too: a replay has it to itself
 * (`travel`), and a story's request (`atRest`) waits until no replay runs, and holds the next one off until it
 * is answered, so no story is ever answered at another story's moment.
 */
export class ScenarioClock {
  private current: number;
  private replays: Promise<unknown> = Promise.resolve();
  /** Pending while a replay runs: requests wait for it. */
  private replayDone: Promise<void> | undefined;
  private requestsInFlight = 0;
  private requestsDrained: (() => void) | undefined;

  constructor(private readonly restingAt: string) {
    this.current = Date.parse(restingAt);
  }

  /** What the API reads as its clock. */
  readonly now = (): Date => new Date(this.current);

  /** Runs a request at the resting moment. */
  async atRest<Answer>(request: () => Promise<Answer>): Promise<Answer> {
    while (this.replayDone) await this.replayDone;
    this.requestsInFlight++;
    try {
      return await request();
    } finally {
      this.requestsInFlight--;
      if (this.requestsInFlight === 0) this.requestsDrained?.();
    }
  }

  /** Runs a replay alone, once the requests under way are answered; `moveTo` sets the clock; then it rests again. */
  travel<Result>(replay: (moveTo: (at: string) => void) => Promise<Result>): Promise<Result> {
    const turn = this.replays.then(async () => {
      let finished = () => {};
      this.replayDone = new Promise((resolve) => {
        finished = resolve;
      });
      if (this.requestsInFlight > 0) {
        await new Promise<void>((resolve) => {
          this.requestsDrained = resolve;
        });
        this.requestsDrained = undefined;
      }
      try {
        return await replay((at) => {
          this.current = Date.parse(at);
        });
      } finally {
        this.current = Date.parse(this.restingAt);
        this.replayDone = undefined;
        finished();
      }
    });
    this.replays = turn.catch(() => undefined);
    return turn;
  }
}
