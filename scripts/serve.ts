/** Serves the local LMS preview for modules already built into dist/ (used by the e2e tests). */
import { fileURLToPath } from 'node:url';
import { createPreviewServer } from '../scorm/preview-server.js';

const root = fileURLToPath(new URL('..', import.meta.url));
const host = process.env.HOST ?? '127.0.0.1';
const port = Number(process.env.PORT ?? 4173);
const app = await createPreviewServer({ root, host, port });
await app.listen({ host, port });
console.log(`Frontline local LMS preview: http://${host === '0.0.0.0' ? 'localhost' : host}:${port}/player/`);
