import tseslint from 'typescript-eslint';

const up = (n) => '\\.\\./'.repeat(n);
/** Another module's file other than its doors (index.js, shared.js) or `allowed`, from `depth` folders below src/. */
const door = (depth, allowed) => ({
  regex: `^${up(depth)}(?![^/]+/(?:index|shared)\\.js$${allowed ? `|${allowed}` : ''})[^/]+/.+`,
  message: 'Importér et andet modul gennem dets index.ts (eller shared.ts, browserens dør).',
});
/** Anything in src/ but a module's shared.ts, from `depth` folders below web/. */
const webDoor = (depth, allowed) => ({
  regex: `^${up(depth + 1)}src/(?![^/]+/shared(?:\\.[jt]s)?$${allowed ? `|${allowed}` : ''})`,
  message: 'Webappen importerer kun et moduls src/<modul>/shared.ts.',
});

export default tseslint.config(
  { ignores: ['node_modules/', 'data/', 'dist/', 'web/dist/', '.tmp/', 'bench/out/'] },
  ...tseslint.configs.recommended,
  {
    files: ['**/*.ts'],
    languageOptions: { parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname } },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/switch-exhaustiveness-check': 'error',
      '@typescript-eslint/consistent-type-imports': 'error',
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }],
    },
  },
  {
    // Migrations are frozen in time and take Kysely<any> by design (Kysely's docs).
    files: ['src/db/migrations/**'],
    rules: { '@typescript-eslint/no-explicit-any': 'off' },
  },
  // One door per module. In src/ another module is reached only through its index.ts, or
  // its shared.ts (the browser's door, for files the web imports); within a module (./x.js,
  // ../x.js from a subfolder) imports are free. Only db/ reaches the modules' *.table.ts.
  // A file d folders below src/ reaches src/ with d × '../', so one block per depth.
  ...[1, 2, 3, 4].map((depth) => ({
    files: [`src/${'*/'.repeat(depth)}*.ts`],
    rules: { 'no-restricted-imports': ['error', { patterns: [door(depth)] }] },
  })),
  // (later blocks override earlier ones for the files they match)
  { files: ['src/db/*.ts'], rules: { 'no-restricted-imports': ['error', { patterns: [door(1, '[^/]+/(?:[^/]+/)*[^/]+\\.table\\.js$')] }] } },
  // The web reaches src/ only through a module's browser door, src/<module>/shared.ts (no
  // Node code: a server module's index.ts pulls it in). A file d folders below web/ reaches
  // the repository's root with (d + 1) × '../'.
  ...[0, 1, 2, 3, 4].map((depth) => ({
    files: [`web/${'*/'.repeat(depth)}*.{ts,tsx}`],
    rules: { 'no-restricted-imports': ['error', { patterns: [webDoor(depth)] }] },
  })),
);
