/** Instrument scoring: pure functions, no IO (see docs/instruments.md). */
export * from './eq5d/index';
export * from './gse/index';
export * from './fidelity/index';
