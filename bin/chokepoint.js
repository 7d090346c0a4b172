#!/usr/bin/env node
// Runs the TypeScript CLI through tsx's loader, so an installed project needs no build step.
import { register } from 'tsx/esm/api';
import { fileURLToPath } from 'node:url';

register();
const { main } = await import(fileURLToPath(new URL('../api/cli/main.ts', import.meta.url)));
process.exitCode = await main(process.argv.slice(2));
