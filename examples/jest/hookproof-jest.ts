// Stands for the package entry 'hookproof/jest' inside this repository. In your own project,
// import from 'hookproof/jest' instead of from this file.
export * from '../../src/jest';
