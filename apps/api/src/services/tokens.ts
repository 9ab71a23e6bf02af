// Access and refresh JWTs (HS256). A `type` claim keeps one from standing in for the other;
// refresh tokens are single use: each carries a jti that the store forgets when it is spent.
import { HttpError } from "../lib/errors.ts";
import { sign, verify } from "hono/jwt";
import type { KeyValueStore } from "../infra/kv.ts";

const ACCESS_TTL_SECONDS = 15 * 60;
const REFRESH_TTL_SECONDS = 7 * 24 * 60 * 60;

export type TokenType = "access" | "refresh";
export type TokenPair = { access: string; refresh: string };

const refreshKey = (jti: string) => `refresh:${jti}`;

export class TokenService {
  constructor(
    private readonly secret: string,
    private readonly kv: KeyValueStore,
  ) {}

  async issue(userId: number): Promise<TokenPair> {
    // Wall-clock time, as the verifier checks `exp` against it (the app's clock is for booking rules).
    const now = Math.floor(Date.now() / 1000);
    const jti = crypto.randomUUID();
    const [access, refresh] = await Promise.all([
      sign({ sub: String(userId), type: "access", iat: now, exp: now + ACCESS_TTL_SECONDS }, this.secret, "HS256"),
      sign({ sub: String(userId), type: "refresh", jti, iat: now, exp: now + REFRESH_TTL_SECONDS }, this.secret, "HS256"),
    ]);
    await this.kv.set(refreshKey(jti), String(userId), REFRESH_TTL_SECONDS * 1000);
    return { access, refresh };
  }

  /** The user id of a valid token of the given type; UNAUTHORIZED for anything else. */
  async verify(token: string, type: TokenType): Promise<{ userId: number; jti?: string }> {
    let payload: Record<string, unknown>;
    try {
      payload = await verify(token, this.secret, "HS256");
    } catch (e) {
      throw new HttpError("UNAUTHORIZED", {}, { cause: e });
    }
    const userId = Number(payload.sub);
    if (payload.type !== type || !Number.isSafeInteger(userId) || userId <= 0 || typeof payload.exp !== "number") {
      throw new HttpError("UNAUTHORIZED");
    }
    return typeof payload.jti === "string" ? { userId, jti: payload.jti } : { userId };
  }

  /** Spends a refresh token: exactly one of any number of concurrent spends succeeds. */
  async spendRefresh(token: string): Promise<number> {
    const { userId, jti } = await this.verify(token, "refresh");
    if (!jti || !(await this.kv.del(refreshKey(jti)))) throw new HttpError("UNAUTHORIZED");
    return userId;
  }
}
