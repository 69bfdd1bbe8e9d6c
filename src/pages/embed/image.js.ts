/** /embed/image.js: renders a chart to SVG/PNG in the browser; embed pages load it on demand. */
import type { APIRoute } from 'astro';
import { bundleScript } from '../../lib/embed/bundle';

export const GET: APIRoute = () => new Response(`${bundleScript('image-entry')}\n`, { headers: { 'Content-Type': 'text/javascript; charset=utf-8' } });
