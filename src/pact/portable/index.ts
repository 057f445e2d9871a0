export { portabilityProblems } from './portabilityProblems';
export { contractDifferences } from './contractDifferences';
export { contentVersion } from './contentVersion';
