#!/usr/bin/env node
// Runs the TypeScript CLI through tsx's loader, so an installed project needs no build step.
import { register } from 'tsx/esm/api';
import { fileURLToPath } from 'node:url';

register();
const { main } = await import(fileURLToPath(new URL('../api/cli/main.ts', import.meta.url)));
const code = await main(process.argv.slice(2));
process.exitCode = code;
// a finished command exits even if a socket is left behind (a server that never answered Neo4j's
// handshake); standard output is flushed first
process.stdout.write('', () => process.exit(code));
