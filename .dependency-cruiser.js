// Boundaries of the code, checked in npm test (npm run lint). A violation names the rule and both files.
/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    {
      name: 'domain-is-plain',
      comment:
        'Domain code (a domain/ folder) imports only other domain code, libs/kernel and libs/contracts: no Nest, TypeORM, SQL or Kafka.',
      severity: 'error',
      from: { path: '/domain/' },
      to: { pathNot: ['/domain/', '^libs/kernel/', '^libs/contracts/'], dependencyTypesNot: ['core'] },
    },
    {
      name: 'no-app-imports-another-app',
      comment: 'Services talk only through events: no code of one app imports another app.',
      severity: 'error',
      from: { path: '^apps/([^/]+)/' },
      to: { path: '^apps/', pathNot: '^apps/$1/' },
    },
    {
      name: 'controllers-never-touch-stores',
      comment: 'A controller is thin: DTO in, service call, response out. Only services (and listeners) use stores and queries.',
      severity: 'error',
      from: { path: '\\.controller\\.ts$' },
      to: { path: '\\.(store|queries)\\.ts$' },
    },
    {
      name: 'stores-never-import-services',
      comment: 'A store is the SQL of its feature; it knows nothing of the use cases that call it.',
      severity: 'error',
      from: { path: '\\.(store|queries)\\.ts$' },
      to: { path: '\\.(service|controller|listener)\\.ts$' },
    },
    {
      name: 'libraries-through-their-barrel',
      comment: 'Code outside a library imports it as @titipan/<lib>, never a file inside it.',
      severity: 'error',
      from: { pathNot: '^libs/([^/]+)/' },
      to: { path: '^libs/[^/]+/src/', pathNot: '^libs/[^/]+/src/index\\.ts$' },
    },
    {
      name: 'libraries-through-each-others-barrel',
      comment: 'A library imports another library as @titipan/<lib>, never a file inside it.',
      severity: 'error',
      from: { path: '^libs/([^/]+)/' },
      to: { path: '^libs/[^/]+/src/', pathNot: ['^libs/$1/', '^libs/[^/]+/src/index\\.ts$'] },
    },
    {
      name: 'kernel-is-plain',
      comment: 'libs/kernel is what domain code may import, so it imports no other library of ours and no framework.',
      severity: 'error',
      from: { path: '^libs/kernel/' },
      to: { path: ['^libs/(?!kernel/)', '@nestjs', 'typeorm', 'kafkajs', '(^|/)pg/'] },
    },
    {
      name: 'no-circular',
      comment: 'Import cycles make load order matter and hide which module owns what.',
      severity: 'error',
      from: {},
      to: { circular: true },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: '^(dist|node_modules|coverage)/' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    enhancedResolveOptions: { exportsFields: ['exports'], conditionNames: ['import', 'require', 'node', 'default'] },
    reporterOptions: { text: { highlightFocused: true } },
  },
};
