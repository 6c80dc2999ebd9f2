export { generateDemoTrial, demoSettings, DEFAULT_DEMO_PARTICIPANTS, type DemoTrialOptions } from './generate-demo-trial';
export { TRUE_EFFECTS, DEMO_SITES, DEMO_UNIT_COSTS } from './true-effects';
export { demoPid, HORIZON_LAST_DAY } from './demo-people';
export { EXTRACTION_DAY } from './demo-employment';
