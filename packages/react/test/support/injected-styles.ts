/**
 * Watches the whole document for `<style>` elements added from now on: a strict Content-Security-Policy
 * refuses them unless they carry a nonce. `stop()` ends the watch and answers the text of each one added.
 */
export function watchInjectedStyles(): { stop: () => string[] } {
  const injected: string[] = [];
  const observer = new MutationObserver((mutations) => {
    for (const mutation of mutations) {
      for (const node of mutation.addedNodes) if (node.nodeName === 'STYLE') injected.push(node.textContent ?? '');
    }
  });
  observer.observe(document.documentElement, { childList: true, subtree: true });
  return {
    stop() {
      observer.disconnect();
      return injected;
    },
  };
}
