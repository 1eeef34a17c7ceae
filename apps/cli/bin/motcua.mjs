#!/usr/bin/env node
// The `motcua` command. TypeScript sources run through tsx: no build step.
import { register } from 'tsx/esm/api';

register();
const { run } = await import('../src/main.ts');
process.exitCode = await run(process.argv);
