/** /og/logo.png: the publisher logo that chapters' structured data (JSON-LD) points to. */
import type { APIRoute } from 'astro';
import { pngResponse, renderLogo } from '../../lib/og';

export const GET: APIRoute = async () => pngResponse(await renderLogo());
