import helmet from 'helmet';

/**
 * helmet's headers with an API's settings. Its default Content-Security-Policy already fits the one HTML page
 * the services serve, the Swagger UI at /docs (scripts and stylesheet from the service itself, an inline
 * <style>, data: images); framing is refused outright, as nothing here is meant to be embedded.
 */
export const securityHeaders = () =>
  helmet({
    contentSecurityPolicy: { directives: { frameAncestors: ["'none'"] } },
    frameguard: { action: 'deny' },
  });
