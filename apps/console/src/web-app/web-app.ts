import express, { type NextFunction, type Request, type Response } from 'express';
import helmet from 'helmet';
import { existsSync } from 'node:fs';
import { join } from 'node:path';

/** Paths the single-page app never owns: the API, the sign-in and the probes answer them (or 404 as JSON). */
const SERVER_PATHS = /^\/(api|auth|health)(\/|$)/;

/**
 * Security headers for the console: helmet's defaults with a Content-Security-Policy for a Vite/Preact build,
 * which loads only its own files (no inline script, no eval, no inline style element); the page talks only to the
 * console (connect-src 'self'); nothing may frame it. It frames only its own pages and the PDFs it fetched itself
 * (frame-src blob:, the printed documents). Upgrading requests to https only when the console is on https.
 */
export function consoleSecurityHeaders(publicOrigin: string) {
  const https = publicOrigin.startsWith('https:');
  return helmet({
    contentSecurityPolicy: {
      useDefaults: false,
      directives: {
        'default-src': ["'self'"],
        'script-src': ["'self'"],
        'style-src': ["'self'"],
        'img-src': ["'self'", 'data:', 'blob:'],
        'font-src': ["'self'"],
        'connect-src': ["'self'"],
        'manifest-src': ["'self'"],
        'worker-src': ["'self'"],
        'frame-src': ["'self'", 'blob:'],
        'object-src': ["'none'"],
        'base-uri': ["'self'"],
        'form-action': ["'self'"],
        'frame-ancestors': ["'none'"],
        ...(https ? { 'upgrade-insecure-requests': [] } : {}),
      },
    },
    frameguard: { action: 'deny' },
    strictTransportSecurity: https,
    referrerPolicy: { policy: 'same-origin' },
  });
}

const NO_BUILD_PAGE = `<!doctype html>
<html lang="id"><head><meta charset="utf-8"><title>Titipan: konsol belum dibangun</title></head>
<body><h1>Konsol belum dibangun / The console is not built</h1>
<p>Jalankan <code>npm run build:console</code>, lalu muat ulang halaman ini.</p>
<p>Run <code>npm run build:console</code> (or <code>npm run build</code>), then reload this page.</p></body></html>`;

/**
 * The single-page app from its build directory: hashed assets (Vite's /assets/…-[hash].js) cached for a year,
 * index.html never cached (a new build is seen at once) and answered for every other GET the app routes itself.
 * Without a build, a 503 page says how to make one.
 */
export function webApp(webDir: string) {
  const index = join(webDir, 'index.html');
  const files = express.static(webDir, {
    index: false,
    redirect: false,
    fallthrough: true,
    setHeaders: (res, path) => {
      const hashed = path.startsWith(join(webDir, 'assets'));
      res.setHeader('Cache-Control', hashed ? 'public, max-age=31536000, immutable' : 'no-cache');
    },
  });
  return (req: Request, res: Response, next: NextFunction) => {
    if ((req.method !== 'GET' && req.method !== 'HEAD') || SERVER_PATHS.test(req.path)) return next();
    if (!existsSync(index)) {
      res.status(503).setHeader('Cache-Control', 'no-store').type('html').send(NO_BUILD_PAGE);
      return;
    }
    files(req, res, () => {
      // a path of the app's own (/stok, /laporan/2026-11): the app, which routes it in the browser
      res.setHeader('Cache-Control', 'no-cache');
      res.sendFile(index, (error) => error && next(error));
    });
  };
}
