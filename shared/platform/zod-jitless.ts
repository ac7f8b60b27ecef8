import { z } from 'zod';

// Zod compiles object parsers with `new Function` unless told not to. The renderer and the
// preload run under a CSP without 'unsafe-eval', where the probe alone logs a CSP violation.
// Both entry points import this module first, because zod reads the setting when a schema is
// created.
z.config({ jitless: true });
