// Stands for the package entry 'hookproof' inside this repository. In your own project, import
// from 'hookproof' instead of from this file.
export * from '../../src';
