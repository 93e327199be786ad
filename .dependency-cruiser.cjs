/** Layer rules: the pure core depends on nothing outside itself; use cases depend on the core only. */
module.exports = {
  forbidden: [
    {
      name: 'core-is-pure',
      comment: 'src/core imports only src/core: no adapters, app, discord.js, Prisma, node-cron, pg or node built-ins.',
      severity: 'error',
      from: { path: '^src/core' },
      to: { pathNot: '^src/core' },
    },
    {
      name: 'app-imports-core-only',
      comment: 'Use cases talk to the world through ports declared in core.',
      severity: 'error',
      from: { path: '^src/app' },
      to: { pathNot: '^src/(core|app)' },
    },
    {
      name: 'adapters-do-not-import-main',
      severity: 'error',
      from: { path: '^src/adapters' },
      to: { path: '^src/main\\.ts$' },
    },
    {
      name: 'no-circular',
      severity: 'error',
      from: {},
      to: { circular: true },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: 'src/adapters/db/generated' },
    tsConfig: { fileName: 'tsconfig.json' },
    tsPreCompilationDeps: true,
    builtInModules: { add: [] },
  },
};
