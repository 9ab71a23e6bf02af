// Profiles: named API URLs, each with its own stored sign-in, chosen with --profile,
// VENUE_ADMIN_PROFILE or `config use`; the credentials.json of earlier versions is the default one.
import { existsSync, mkdtempSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { UserSchema, z } from "@venue-booking/contract";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { EXIT } from "../src/exit-codes.ts";
import { nextPhone, startCliHarness } from "./harness.ts";
import type { CliHarness } from "./harness.ts";

const ProfileRows = z.array(
  z.object({ name: z.string(), api_url: z.string().nullable(), signed_in_as: z.string().nullable(), in_use: z.boolean() }),
);
const UNREACHABLE = "http://127.0.0.1:9";

describe("profiles", () => {
  let t: CliHarness;
  const dirs: string[] = [];
  beforeAll(async () => {
    t = await startCliHarness();
  });
  afterAll(async () => {
    for (const d of dirs) rmSync(d, { recursive: true, force: true });
    await t.close();
  });

  /** The program with its own config directory, no VENUE_API_TOKEN, and `env` on top. */
  const fresh = () => {
    const dir = mkdtempSync(join(tmpdir(), "venue-admin-profiles-"));
    dirs.push(dir);
    const cli = (argv: string[], env: Record<string, string> = {}) =>
      t.program(argv, { env: { VENUE_ADMIN_CONFIG_DIR: dir, VENUE_API_TOKEN: "", ...env } });
    return { dir, cli };
  };

  it("keeps a sign-in per profile and sends each profile's commands to its URL", async () => {
    const { dir, cli } = fresh();
    const away = { VENUE_API_URL: UNREACHABLE };
    expect(await cli(["config", "set-url", `${t.baseUrl}/`, "--profile", "staging"])).toMatchObject({
      code: EXIT.OK,
      stdout: `profile staging: ${t.baseUrl}\n`,
    });

    const phone = nextPhone();
    expect((await cli(["--profile", "staging", "login", "--phone", phone], away)).code).toBe(EXIT.OK);
    const login = await cli(["--profile", "staging", "login", "--phone", phone, "--code", t.api.sms.lastCode(phone)!], away);
    expect(login.stdout).toContain(`tokens saved in ${join(dir, "credentials-staging.json")}`);
    expect(statSync(join(dir, "credentials-staging.json")).mode & 0o777).toBe(0o600);
    expect(existsSync(join(dir, "credentials.json"))).toBe(false);

    // a named profile's URL beats VENUE_API_URL
    const me = await cli(["--profile", "staging", "whoami", "--json"], away);
    expect(UserSchema.parse(JSON.parse(me.stdout)).phone).toBe(phone);
    expect((await cli(["whoami", "--json"], { VENUE_ADMIN_PROFILE: "staging", ...away })).code).toBe(EXIT.OK);
    // the default profile has no sign-in
    expect((await cli(["whoami"])).stderr).toMatch(/^error: not signed in: run `venue-admin login` or set VENUE_API_TOKEN/);

    expect(await cli(["config", "use", "staging"])).toMatchObject({ code: EXIT.OK, stdout: "now using profile staging\n" });
    expect((await cli(["whoami"], { VENUE_API_URL: "" })).stdout).toMatch(
      new RegExp(`^\\${phone} #\\d+ at ${t.baseUrl} \\(profile staging\\)\\n$`),
    );
    const rows = ProfileRows.parse(JSON.parse((await cli(["config", "list", "--json"])).stdout));
    expect(rows).toEqual([
      { name: "default", api_url: null, signed_in_as: null, in_use: false },
      { name: "staging", api_url: t.baseUrl, signed_in_as: `${phone} at ${t.baseUrl}`, in_use: true },
    ]);

    expect((await cli(["logout"], { VENUE_API_URL: "" })).stdout).toBe("signed out\n");
    expect(existsSync(join(dir, "credentials-staging.json"))).toBe(false);
    expect((await cli(["whoami"], { VENUE_API_URL: "" })).stderr).toMatch(
      /^error: not signed in: run `venue-admin --profile staging login`/,
    );
  });

  it("refuses an unknown or malformed profile with exit code 2", async () => {
    const { cli } = fresh();
    const unknown = await cli(["--profile", "prod", "whoami"]);
    expect(unknown.code).toBe(EXIT.USAGE);
    expect(unknown.stderr).toBe('error: unknown profile "prod": create it with `venue-admin config set-url <url> --profile prod`\n');
    expect((await cli(["whoami"], { VENUE_ADMIN_PROFILE: "prod" })).code).toBe(EXIT.USAGE);
    const use = await cli(["config", "use", "prod"]);
    expect(use.code).toBe(EXIT.USAGE);
    expect(use.stderr).toMatch(/unknown profile "prod" \(known: default\)/);
    expect((await cli(["--profile", "../etc", "whoami"])).stderr).toMatch(/^error: invalid --profile: "\.\.\/etc"/);
    expect((await cli(["config", "set-url", "ftp://example.com", "--profile", "prod"])).code).toBe(EXIT.USAGE);
  });

  it("uses the credentials.json of earlier versions as the default profile's sign-in", async () => {
    const { dir, cli } = fresh();
    const phone = nextPhone();
    t.api.deps.config.adminPhones.push(phone);
    const { access, refresh } = await t.api.tokensFor(phone, { admin: true });
    writeFileSync(join(dir, "credentials.json"), JSON.stringify({ apiUrl: t.baseUrl, access, refresh, phone }, null, 2), { mode: 0o600 });
    const me = await cli(["whoami", "--json"]);
    expect(me.code).toBe(EXIT.OK);
    expect(UserSchema.parse(JSON.parse(me.stdout)).phone).toBe(phone);
    const rows = ProfileRows.parse(JSON.parse((await cli(["config", "list", "--json"])).stdout));
    expect(rows).toEqual([{ name: "default", api_url: null, signed_in_as: `${phone} at ${t.baseUrl}`, in_use: true }]);
  });

  it("says when VENUE_API_TOKEN still signs commands in after logout, or instead of a new login", async () => {
    const { cli } = fresh();
    const phone = nextPhone();
    const token = { VENUE_API_TOKEN: t.adminToken };
    await cli(["login", "--phone", phone]);
    const login = await cli(["login", "--phone", phone, "--code", t.api.sms.lastCode(phone)!], token);
    expect(login.stdout).toContain("note: VENUE_API_TOKEN is set and commands use it instead of this sign-in");
    const logout = await cli(["logout"], token);
    expect(logout.stdout).toBe(
      "signed out\nnote: VENUE_API_TOKEN is set, so commands still sign in with it until it expires; unset it to be signed out\n",
    );
  });
});
