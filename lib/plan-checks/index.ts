export { PlanTimeChecks } from './plan-time-checks';
