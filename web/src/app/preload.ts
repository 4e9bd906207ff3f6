/** Indirection so the layout can preload pages without importing the route table (which imports the layout). */
export function preloadPages() {
  void import('./routes.tsx').then((m) => m.preloadAllPages());
}
