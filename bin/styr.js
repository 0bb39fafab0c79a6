#!/usr/bin/env node
// The `styr` command. TypeScript runs directly through tsx: no build step to forget.
import { register } from 'tsx/esm/api';

register();
await import('../src/cli/main.ts');
