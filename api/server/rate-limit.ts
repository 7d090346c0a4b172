// Per-client rate limiting at the door (rate-limiter-flexible, in memory): each client — its API
// key when it presents a configured one, else its address — may make `ratePerSecond` requests a
// second steadily plus a burst of `rateBurst` more per 10 seconds; past that it gets HTTP 429
// with Retry-After. Health checks are never limited.
import { createHash } from 'node:crypto';
import type { Context, MiddlewareHandler } from 'hono';
import ipaddr from 'ipaddr.js';
import { BurstyRateLimiter, RateLimiterMemory, RateLimiterRes } from 'rate-limiter-flexible';
import type { Config } from '../config.js';
import { presentedKey } from '../graphql/auth.js';

/**
 * The part of an address that names one client: an IPv4 address (IPv4-mapped IPv6 included) whole,
 * an IPv6 address by its /64 (one subscriber's network: its 2^64 addresses are one client).
 */
export function addressKey(address: string | undefined): string {
  if (!address || !ipaddr.isValid(address)) return address ?? 'local';
  const ip = ipaddr.process(address);
  if (ip.kind() === 'ipv4') return ip.toString();
  const parts = (ip as ipaddr.IPv6).parts.slice(0, 4).map((p) => p.toString(16));
  return `${parts.join(':')}::/64`;
}

/** Who a request counts against: a configured API key (hashed), else the peer address. */
export function clientOf(c: Context, keys: Config['apiKeys']): string {
  const key = presentedKey((name) => c.req.header(name));
  if (key && keys.has(key)) return `key:${createHash('sha256').update(key).digest('hex').slice(0, 32)}`;
  const socket = (c.env as { incoming?: { socket?: { remoteAddress?: string } } } | undefined)?.incoming?.socket;
  return `addr:${addressKey(socket?.remoteAddress)}`;
}

/** The middleware, or null when rate limiting is off (RATE_LIMIT_PER_SECOND=0). */
export function rateLimit(config: Pick<Config, 'apiKeys' | 'limits'>): MiddlewareHandler | null {
  const { ratePerSecond, rateBurst } = config.limits;
  if (ratePerSecond <= 0) return null;
  const limiter = new BurstyRateLimiter(
    new RateLimiterMemory({ keyPrefix: 'steady', points: ratePerSecond, duration: 1 }),
    new RateLimiterMemory({ keyPrefix: 'burst', points: Math.max(rateBurst, 0), duration: 10 }),
  );
  return async (c, next) => {
    if (c.req.path === '/healthz') return next();
    try {
      await limiter.consume(clientOf(c, config.apiKeys));
    } catch (err) {
      if (!(err instanceof RateLimiterRes)) throw err;
      const retry = Math.max(1, Math.ceil(err.msBeforeNext / 1000));
      const message = `too many requests from this client: at most ${ratePerSecond} a second (bursts of ${rateBurst} more per 10 s); retry in ${retry} s`;
      return c.json({ errors: [{ message, extensions: { code: 'RATE_LIMITED' } }] }, 429, { 'Retry-After': String(retry), 'Cache-Control': 'no-store' });
    }
    return next();
  };
}
