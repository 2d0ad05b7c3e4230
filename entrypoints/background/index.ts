export default defineBackground(() => {
  // Listeners are registered synchronously at start-up: a service worker woken by an event must find them there.
  browser.runtime.onInstalled.addListener(({ reason }) => {
    if (reason === 'install') void browser.runtime.openOptionsPage();
  });
});
