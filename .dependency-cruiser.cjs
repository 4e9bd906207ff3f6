/**
 * The walls between parts of the code, checked by `npm test` (scripts/test-all.sh → `npm run lint:boundaries`).
 * docs/architecture.md says the same in words ("模块地图 / module map"); change both together.
 * @type {import('dependency-cruiser').IConfiguration}
 */
const tests = '(\\.test\\.tsx?$|^server/test/|^e2e/|^bench/)';

module.exports = {
  forbidden: [
    {
      name: 'platform-not-modules',
      comment: 'platform/ is what every module uses and no module owns: it never imports a module.',
      severity: 'error',
      from: { path: '^server/src/platform/' },
      to: { path: '^server/src/modules/' },
    },
    {
      name: 'module-front-door',
      comment: 'A module reaches another module only through its front door, modules/<domain>/index.ts.',
      severity: 'error',
      from: { path: '^server/src/modules/([^/]+)/', pathNot: tests },
      to: { path: '^server/src/modules/[^/]+/', pathNot: ['^server/src/modules/$1/', '^server/src/modules/[^/]+/index\\.ts$'] },
    },
    {
      name: 'outside-through-front-door',
      comment: 'The app, the CLI, the seed and the module registry (modules/index.ts) use a module only through its index.ts.',
      severity: 'error',
      from: { path: '^server/src/', pathNot: ['^server/src/modules/[^/]+/', tests] },
      to: { path: '^server/src/modules/[^/]+/', pathNot: '^server/src/modules/[^/]+/index\\.ts$' },
    },
    {
      name: 'no-import-loops',
      comment: 'No import loops anywhere: two modules importing each other, or files within a module.',
      severity: 'error',
      from: { pathNot: tests },
      to: { circular: true },
    },
    {
      name: 'web-not-server',
      comment: 'The web talks to the server over HTTP; what they share lives in contracts/.',
      severity: 'error',
      from: { path: '^web/' },
      to: { path: '^(server|bench|e2e)/' },
    },
    {
      name: 'contracts-standalone',
      comment: 'contracts/ holds the payload schemas both sides import; it imports nothing of the project.',
      severity: 'error',
      from: { path: '^contracts/' },
      to: { path: '^(server|web|e2e|bench)/' },
    },
    {
      name: 'page-not-other-page',
      comment: 'A web page folder never imports another; shared display pieces live in web/src/domain or components.',
      severity: 'error',
      from: { path: '^web/src/pages/([^/]+)/' },
      to: { path: '^web/src/pages/', pathNot: '^web/src/pages/$1/' },
    },
    {
      name: 'shared-web-not-pages',
      comment: 'Components, layout and domain pieces are used by pages, never the other way round.',
      severity: 'error',
      from: { path: '^web/src/(components|layout|domain|api|auth|i18n)/' },
      to: { path: '^web/src/pages/' },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: '(^|/)(node_modules|dist|test-results)/' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.boundaries.json' },
    enhancedResolveOptions: { exportsFields: ['exports'], conditionNames: ['import', 'require', 'node', 'default'] },
    reporterOptions: { text: { highlightFocused: true } },
  },
};
