// Access and refresh JWTs (HS256). A `type` claim keeps one from standing in for the other.
// Refresh tokens are single use: each carries a jti that the store forgets when it is spent. Every
// refresh token of one sign-in carries the same family id (`fam`); signing out marks the family
// revoked, and so does presenting a spent refresh token again (a stolen copy was used, or the
// client's own) once the grace window after its spend is over, so no later refresh of that sign-in
// works. Within the window the same token gets the same pair again: a retry whose answer was lost,
// or two tabs refreshing at once, neither signs the user out.
import { sign, verify } from "hono/jwt";
import { LRUCache } from "lru-cache";
import { HttpError } from "../lib/errors.ts";
import type { KeyValueStore } from "../infra/kv.ts";

const ACCESS_TTL_SECONDS = 15 * 60;
const REFRESH_TTL_SECONDS = 7 * 24 * 60 * 60;
// A revocation outlives every refresh token of its family: none lasts longer than REFRESH_TTL after
// it was issued, and none is issued more than a moment after the revocation.
const REVOCATION_TTL_MS = (REFRESH_TTL_SECONDS + 60) * 1000;

export type TokenType = "access" | "refresh";
export type TokenPair = { access: string; refresh: string };
export type VerifiedToken = { userId: number; jti?: string; family?: string };
/**
 * A refresh's outcome. Refused: the family is `revoked` (signed out, or a reuse seen before), the
 * token was `reused` after the grace window (the family is revoked now), or it was spent within the
 * window but so was its successor (`superseded`: the family lives on in whoever holds the newest).
 */
export type Rotated = { ok: true; pair: TokenPair; replayed: boolean } | { ok: false; reason: "revoked" | "reused" | "superseded" };

/**
 * How long after its spend a refresh token still gets its pair again instead of counting as reused:
 * long enough for a client's retry after a 503 (Retry-After: 5) or a second tab, short enough that a
 * stolen copy presented later still ends the sign-in.
 */
const REUSE_GRACE_MS = 30_000;

/** What a spend remembers for the grace window: when, and the pair it answered with. */
type SpendNote = { at: number; jti: string; iat: number; family: string };

const refreshKey = (jti: string) => `refresh:${jti}`;
const spentKey = (jti: string) => `refresh-spent:${jti}`;
const revokedFamilyKey = (family: string) => `refresh-family-revoked:${family}`;

function parseNote(note: string): SpendNote | undefined {
  try {
    const n = JSON.parse(note) as Partial<SpendNote>;
    if (typeof n.at === "number" && typeof n.jti === "string" && typeof n.iat === "number" && typeof n.family === "string") {
      return { at: n.at, jti: n.jti, iat: n.iat, family: n.family };
    }
  } catch {
    // An unreadable note is no proof of a recent spend.
  }
  return undefined;
}

export class TokenService {
  /**
   * Access tokens whose signature was checked, by their text (a client sends the same one for its
   * 15 minutes): the signature is checked once, the expiry at every use. The check runs through
   * WebCrypto, which costs a fraction of a millisecond a time, more than the rest of a cached read.
   */
  readonly #checked = new LRUCache<string, { payload: Record<string, unknown>; exp: number }>({ max: 10_000 });

  constructor(
    private readonly secret: string,
    private readonly kv: KeyValueStore,
    /** Measures the grace window (the app's clock: the wall clock, except in tests). */
    private readonly clock: () => Date = () => new Date(),
  ) {}

  /** A new pair; the refresh token continues `family`, or starts a new one (a new sign-in). */
  async issue(userId: number, family: string = crypto.randomUUID()): Promise<TokenPair> {
    const jti = crypto.randomUUID();
    const pair = await this.#sign({ userId, family, jti, iat: Math.floor(Date.now() / 1000) });
    await this.kv.set(refreshKey(jti), String(userId), REFRESH_TTL_SECONDS * 1000);
    return pair;
  }

  /**
   * The user id (and jti, family) of a valid token of the given type; UNAUTHORIZED for anything else.
   * `allowExpired` still checks the signature and type: only signing out takes an expired token.
   */
  async verify(token: string, type: TokenType, opts: { allowExpired?: boolean } = {}): Promise<VerifiedToken> {
    let payload: Record<string, unknown>;
    const checked = opts.allowExpired ? undefined : this.#checked.get(token);
    if (checked && checked.exp > Date.now() / 1000) payload = checked.payload;
    else {
      try {
        payload = await verify(token, this.secret, { alg: "HS256", exp: !opts.allowExpired });
      } catch (e) {
        throw new HttpError("UNAUTHORIZED", {}, { cause: e });
      }
      if (type === "access" && !opts.allowExpired && typeof payload.exp === "number")
        this.#checked.set(token, { payload, exp: payload.exp });
    }
    const userId = Number(payload.sub);
    if (payload.type !== type || !Number.isSafeInteger(userId) || userId <= 0 || typeof payload.exp !== "number") {
      throw new HttpError("UNAUTHORIZED");
    }
    return {
      userId,
      ...(typeof payload.jti === "string" ? { jti: payload.jti } : {}),
      ...(typeof payload.fam === "string" ? { family: payload.fam } : {}),
    };
  }

  /**
   * Spends a verified refresh token for a new pair of its family, in one atomic step (refused when
   * the family is revoked). The pair is signed first, so nothing is left to fail after the spend but
   * the answer's way back. Of racing refreshes with one token, and of retries of it within
   * REUSE_GRACE_MS, each gets the same pair, as long as that pair's refresh token is unspent; after
   * the window the token counts as reused and the family is revoked.
   */
  async rotate(token: VerifiedToken): Promise<Rotated> {
    if (!token.jti) return { ok: false, reason: "revoked" };
    // Tokens issued before families existed start one.
    const family = token.family ?? crypto.randomUUID();
    const iat = Math.floor(Date.now() / 1000);
    const jti = crypto.randomUUID();
    const pair = await this.#sign({ userId: token.userId, family, jti, iat });
    const note: SpendNote = { at: this.clock().getTime(), jti, iat, family };
    const found = await this.kv.rotate({
      guardKey: revokedFamilyKey(family),
      key: refreshKey(token.jti),
      next: { key: refreshKey(jti), value: String(token.userId), ttlMs: REFRESH_TTL_SECONDS * 1000 },
      trace: { key: spentKey(token.jti), note: JSON.stringify(note), ttlMs: REUSE_GRACE_MS },
    });
    if (found.status === "rotated") return { ok: true, pair, replayed: false };
    if (found.status === "refused") return { ok: false, reason: "revoked" };
    const spent = found.status === "spent" ? parseNote(found.note) : undefined;
    const age = spent ? this.clock().getTime() - spent.at : Infinity;
    if (!spent || age > REUSE_GRACE_MS) {
      const reusedFamily = token.family ?? spent?.family;
      if (reusedFamily) await this.revokeFamily(reusedFamily);
      return { ok: false, reason: "reused" };
    }
    // The successor was spent too: its pair is of no use any more, and whoever holds the newest one
    // carries on. Refused, but not a theft to act on within the window.
    if (found.status === "spent" && !found.successorLive) return { ok: false, reason: "superseded" };
    // The same claims signed again are the same bytes: the pair the first spend answered with.
    return { ok: true, pair: await this.#sign({ userId: token.userId, ...spent }), replayed: true };
  }

  /**
   * Signs out the sign-in a refresh token belongs to: its family is revoked and the token itself
   * spent. Idempotent; spent, revoked and expired tokens of ours are accepted, forged ones are not.
   */
  async revoke(token: string): Promise<void> {
    const { jti, family } = await this.verify(token, "refresh", { allowExpired: true });
    if (family) await this.revokeFamily(family);
    if (jti) await this.kv.del(refreshKey(jti));
  }

  private async revokeFamily(family: string): Promise<void> {
    await this.kv.set(revokedFamilyKey(family), "1", REVOCATION_TTL_MS);
  }

  // `iat` is wall-clock time, as the verifier checks `exp` against it. The same input always gives
  // the same pair (HS256 is deterministic), which is what answers a retry with the pair it missed.
  async #sign(c: { userId: number; family: string; jti: string; iat: number }): Promise<TokenPair> {
    const sub = String(c.userId);
    const [access, refresh] = await Promise.all([
      sign({ sub, type: "access", iat: c.iat, exp: c.iat + ACCESS_TTL_SECONDS }, this.secret, "HS256"),
      sign({ sub, type: "refresh", jti: c.jti, fam: c.family, iat: c.iat, exp: c.iat + REFRESH_TTL_SECONDS }, this.secret, "HS256"),
    ]);
    return { access, refresh };
  }
}
