// Lint: typescript-eslint's recommended rules, no import cycles, and the one-way dependency rule
// of the project (README: Layout): schema <- graph <- (ingest, scenarios, seeds) <- api.
import tseslint from 'typescript-eslint';
import importX from 'eslint-plugin-import-x';
import { createTypeScriptImportResolver } from 'eslint-import-resolver-typescript';

const zone = (target, from, message) => ({ target, from, message });

export default tseslint.config(
  { ignores: ['node_modules/**', 'data/**', 'test/artifacts/**', 'bench/results/**', 'schema/generated/**', 'api/graphql/generated.ts', 'test/fixtures/**'] },
  ...tseslint.configs.recommended,
  {
    plugins: { 'import-x': importX },
    settings: { 'import-x/resolver-next': [createTypeScriptImportResolver({ project: './tsconfig.json' })] },
    rules: {
      'import-x/no-cycle': 'error',
      'import-x/no-restricted-paths': [
        'error',
        {
          zones: [
            zone('./schema', ['./graph', './ingest', './scenarios', './seeds', './api'], 'schema imports nothing of ours'),
            zone('./graph', ['./ingest', './scenarios', './seeds', './api'], 'graph depends only on schema'),
            zone('./scenarios', ['./ingest', './seeds', './api', './graph/embedded', './graph/neo4j'], 'scenarios work on a snapshot, never a store adapter'),
            zone('./ingest', ['./scenarios', './api'], 'ingest depends on schema and graph'),
            zone('./seeds', ['./scenarios', './ingest', './api'], 'seeds depend on schema and graph'),
          ],
        },
      ],
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  {
    files: ['test/**', 'bench/**'],
    rules: { '@typescript-eslint/no-non-null-assertion': 'off' },
  },
);
