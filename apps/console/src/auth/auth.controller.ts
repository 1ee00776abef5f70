import { Controller, Get, HttpCode, Post, Query, Req, Res, UseGuards } from '@nestjs/common';
import type { Request, Response } from 'express';
import { CsrfGuard } from '../csrf/csrf.guard';
import { SessionGuard, sessionOf } from '../session/session.guard';
import { clearCookie, cookieOf, LOGIN_COOKIE, loginCookieOptions, SESSION_COOKIE, sessionCookieOptions } from '../session/session-cookie';
import { SessionService } from '../session/session.service';
import { AuthService, LOGIN_ATTEMPT_MS } from './auth.service';
import { OidcProvider } from './oidc-provider';

/** Sign-in (code flow with PKCE at the provider) and sign-out. The browser gets a session cookie, never a token. */
@Controller('auth')
export class AuthController {
  constructor(
    private readonly auth: AuthService,
    private readonly sessions: SessionService,
    private readonly provider: OidcProvider,
  ) {}

  @Get('login')
  login(@Query('returnTo') returnTo: unknown, @Req() req: Request, @Res() res: Response): void {
    // opened as http://localhost:3000 while the console is http://127.0.0.1:3000 (or the other way round): sign in
    // on the console's own origin, or the callback would arrive without this browser's login cookie
    const canonical = this.auth.canonicalLoginUrl(req.host, returnTo);
    if (canonical) return res.redirect(302, canonical);
    const { url, browser } = this.auth.start(returnTo, cookieOf(req, LOGIN_COOKIE));
    res.cookie(LOGIN_COOKIE, browser, loginCookieOptions(LOGIN_ATTEMPT_MS));
    res.setHeader('Cache-Control', 'no-store');
    res.redirect(302, url);
  }

  @Get('callback')
  async callback(@Req() req: Request, @Res() res: Response): Promise<void> {
    const params = this.provider.ready ? this.provider.client.callbackParams(req) : (req.query as Record<string, string>);
    const outcome = await this.auth.finish(params, cookieOf(req, LOGIN_COOKIE));
    res.setHeader('Cache-Control', 'no-store');
    clearCookie(res, LOGIN_COOKIE, loginCookieOptions(0));
    if ('error' in outcome) return res.redirect(302, `/?signin_error=${encodeURIComponent(outcome.error)}`);
    res.cookie(SESSION_COOKIE, outcome.session.id, sessionCookieOptions(this.sessions.absoluteMs));
    res.redirect(302, outcome.returnTo);
  }

  @Post('logout')
  @HttpCode(200)
  @UseGuards(SessionGuard, CsrfGuard)
  logout(@Req() req: Request, @Res({ passthrough: true }) res: Response): { logoutUrl: string } {
    const answer = this.auth.logout(sessionOf(req));
    clearCookie(res, SESSION_COOKIE, sessionCookieOptions(0));
    res.setHeader('Cache-Control', 'no-store');
    return answer;
  }
}
