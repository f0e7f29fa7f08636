/** Time comes from a clock that tests and the local stack can move; domain code never calls Date.now(). */
export interface Clock {
  now(): Date;
}

/**
 * The system clock, shifted by FOERDERFLOW_CLOCK_OFFSET_MS when set (local runs only: lets a demo or
 * a test jump past a deadline without waiting).
 */
export const systemClock: Clock = {
  now: () => new Date(Date.now() + Number(process.env.FOERDERFLOW_CLOCK_OFFSET_MS ?? 0)),
};
