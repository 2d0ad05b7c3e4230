// The sample teacher is shared with `npm run demo` (scripts/ may not import test code).
export * from '../../scripts/sample-profile';
