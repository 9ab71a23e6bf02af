// Access and refresh JWTs (HS256). A `type` claim keeps one from standing in for the other.
// Refresh tokens are single use: each carries a jti that the store forgets when it is spent. Every
// refresh token of one sign-in carries the same family id (`fam`); signing out marks the family
// revoked, and so does presenting a spent refresh token again (a stolen copy was used, or the
// client's own), so no later refresh of that sign-in works.
import { sign, verify } from "hono/jwt";
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

const refreshKey = (jti: string) => `refresh:${jti}`;
const revokedFamilyKey = (family: string) => `refresh-family-revoked:${family}`;

export class TokenService {
  constructor(
    private readonly secret: string,
    private readonly kv: KeyValueStore,
  ) {}

  /** A new pair; the refresh token continues `family`, or starts a new one (a new sign-in). */
  async issue(userId: number, family: string = crypto.randomUUID()): Promise<TokenPair> {
    // Wall-clock time, as the verifier checks `exp` against it (the app's clock is for booking rules).
    const now = Math.floor(Date.now() / 1000);
    const jti = crypto.randomUUID();
    const [access, refresh] = await Promise.all([
      sign({ sub: String(userId), type: "access", iat: now, exp: now + ACCESS_TTL_SECONDS }, this.secret, "HS256"),
      sign({ sub: String(userId), type: "refresh", jti, fam: family, iat: now, exp: now + REFRESH_TTL_SECONDS }, this.secret, "HS256"),
    ]);
    await this.kv.set(refreshKey(jti), String(userId), REFRESH_TTL_SECONDS * 1000);
    return { access, refresh };
  }

  /**
   * The user id (and jti, family) of a valid token of the given type; UNAUTHORIZED for anything else.
   * `allowExpired` still checks the signature and type: only signing out takes an expired token.
   */
  async verify(token: string, type: TokenType, opts: { allowExpired?: boolean } = {}): Promise<VerifiedToken> {
    let payload: Record<string, unknown>;
    try {
      payload = await verify(token, this.secret, { alg: "HS256", exp: !opts.allowExpired });
    } catch (e) {
      throw new HttpError("UNAUTHORIZED", {}, { cause: e });
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
   * Spends a refresh token: exactly one of any number of concurrent spends succeeds. A token of a
   * revoked family is refused; a spent one is refused and revokes its family. Returns the family
   * to continue (undefined for tokens issued before families existed: they start a new one).
   */
  async spendRefresh(token: string): Promise<{ userId: number; family: string | undefined }> {
    const { userId, jti, family } = await this.verify(token, "refresh");
    if (!jti) throw new HttpError("UNAUTHORIZED");
    // Checked before spending, so that of racing spends the one that spends the token also gets the
    // pair; the losers revoke the family, which that pair's next refresh then meets.
    if (family && (await this.kv.get(revokedFamilyKey(family))) !== null) throw new HttpError("UNAUTHORIZED");
    if (!(await this.kv.del(refreshKey(jti)))) {
      if (family) await this.revokeFamily(family);
      throw new HttpError("UNAUTHORIZED");
    }
    return { userId, family };
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
}
