// The browser launcher and fixture server are shared with `npm run demo`, so they live in scripts/; the e2e tests
// import them from here. Helpers only the tests need go below.
export * from '../../scripts/browser';
