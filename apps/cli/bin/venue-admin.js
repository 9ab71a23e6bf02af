#!/usr/bin/env node
// venue-admin: runs the CLI's TypeScript source through tsx.
import { register } from "tsx/esm/api";

register();
await import("../src/main.ts");
