/** Instrument scoring: pure functions, no IO (see docs/instruments.md). */
export * from './eq5d/index';
