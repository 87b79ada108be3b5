/**
 * The import boundaries of docs/architecture.md, checked by `pnpm lint`.
 * web:    app → features → components / charts / lib; a feature never imports the app shell or another feature.
 * server: routes → services → db; only db/ (and the scripts that open files) touch the database driver.
 */
/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    {
      name: 'no-circular',
      severity: 'error',
      comment: 'A cycle makes the layers meaningless and the load order fragile.',
      from: { path: '^(web|server|shared)/src' },
      to: { circular: true },
    },
    {
      name: 'web-feature-not-app',
      severity: 'error',
      comment:
        'Features are used by the app shell, never the other way round: move what they share to components/ or lib/.',
      from: { path: '^web/src/(features|components|charts|lib)/' },
      to: { path: '^web/src/app/' },
    },
    {
      name: 'web-feature-not-other-feature',
      severity: 'error',
      comment: 'A feature does not reach into another feature; what several need moves to components/ or lib/.',
      from: { path: '^web/src/features/([^/]+)/' },
      to: { path: '^web/src/features/([^/]+)/', pathNot: '^web/src/features/$1/' },
    },
    {
      name: 'web-shared-layers-not-features',
      severity: 'error',
      comment: 'components/, charts/ and lib/ are below the features.',
      from: { path: '^web/src/(components|charts|lib)/' },
      to: { path: '^web/src/features/' },
    },
    {
      name: 'shared-is-pure',
      severity: 'error',
      comment: 'shared/ is the contract and pure domain logic: it imports neither the server nor the web.',
      from: { path: '^shared/src/' },
      to: { path: '^(server|web|scripts)/' },
    },
    {
      name: 'server-db-driver-only-in-db',
      severity: 'error',
      comment: 'Only server/src/db/ talks to the database driver; services call its functions.',
      from: { path: '^server/src/', pathNot: '^server/src/db/' },
      to: { path: 'node_modules/(better-sqlite3|kysely|pg)/' },
    },
    {
      name: 'server-routes-not-db',
      severity: 'error',
      comment: 'Routes are thin: validate, call a service, answer. They do not query the database themselves.',
      from: { path: '^server/src/routes/' },
      to: { path: '^server/src/db/' },
    },
    {
      name: 'server-lower-layers-not-routes',
      severity: 'error',
      comment: 'Services and db/ do not know about HTTP routes.',
      from: { path: '^server/src/(services|db|import)/' },
      to: { path: '^server/src/(routes|http)/' },
    },
    {
      name: 'server-db-not-services',
      severity: 'error',
      comment: 'db/ is the bottom layer.',
      from: { path: '^server/src/db/' },
      to: { path: '^server/src/(services|routes|http)/' },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    includeOnly: '^(web|server|shared|scripts)/(src|test)|node_modules/(better-sqlite3|kysely|pg)/',
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.depcruise.json' },
    enhancedResolveOptions: {
      exportsFields: ['exports'],
      conditionNames: ['import', 'require', 'node', 'default', 'types'],
    },
  },
};
