import { execFile } from "node:child_process";
import { mkdtempSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { TEST_PASSWORD } from "../../api/test/support/builders.ts";
import { useServerHarness } from "../../api/test/support/harness.ts";
import { submittedKlaim } from "./support/klaim.ts";

/*
 * The SDK as a frontend team gets it: built, packed with npm, installed from the tarball into a fresh project outside
 * the workspace (npm, no pnpm, no workspace links), then used from plain ESM under Node against a real server, and
 * typechecked against the declarations in the tarball.
 */

// Asynchronous on purpose: the server under test runs in this process and must keep answering.
const run = promisify(execFile);
const repo = fileURLToPath(new URL("../../..", import.meta.url));
const sdkDir = join(repo, "packages/sdk");
const tsc = join(repo, "node_modules/.bin/tsc");
const WS_VERSION = "8.23.0";

const h = useServerHarness();
let project: string;
const timings: Record<string, number> = {};

async function timed<T>(label: string, work: () => Promise<T>): Promise<T> {
  const started = performance.now();
  try {
    return await work();
  } finally {
    timings[label] = Math.round(performance.now() - started);
  }
}

/** Builds the SDK, packs it and installs the tarball with ws into a fresh npm project in the OS's temp dir. */
beforeAll(async () => {
  project = mkdtempSync(join(tmpdir(), "jmo-sdk-consumer-"));
  await timed("build", () => run(tsc, ["-p", join(sdkDir, "tsconfig.build.json")], { cwd: sdkDir }));
  const packed = await timed("pack", () => run("npm", ["pack", "--ignore-scripts", "--json", "--pack-destination", project], { cwd: sdkDir }));
  const [info] = JSON.parse(packed.stdout) as { filename: string; files: { path: string }[] }[];
  packedFiles = info!.files.map((f) => f.path);
  writeFileSync(join(project, "package.json"), JSON.stringify({ name: "jmo-sdk-consumer", private: true, type: "module" }, null, 2));
  await timed("install", () =>
    run("npm", ["install", "--no-audit", "--no-fund", "--prefer-offline", "--no-package-lock", `./${info!.filename}`, `ws@${WS_VERSION}`], {
      cwd: project,
    }),
  );
}, 120_000);

afterAll(() => {
  console.info(`SDK pack test timings (ms): ${JSON.stringify(timings)}`);
  if (project) rmSync(project, { recursive: true, force: true });
});

let packedFiles: string[] = [];

const CONSUMER_SCRIPT = `
import WebSocket from "ws";
import { createJmoClient, JmoError, KlaimStatus, MeDocument } from "@jmo/sdk";

const [url, email, password, klaimId] = process.argv.slice(2);
let token = null;
const jmo = createJmoClient({ url, getToken: () => token, webSocketImpl: WebSocket });
const { login } = await jmo.login({ input: { identifier: email, password } });
token = login.accessToken;
const { me } = await jmo.me();

let firstEvent;
for await (const { klaimStatusChanged } of jmo.klaimStatusChanged({ klaimId, afterSequence: 0 })) {
  firstEvent = klaimStatusChanged;
  break;
}

let refused;
try {
  await createJmoClient({ url, getToken: () => "bukan.token.sah" }).me();
} catch (error) {
  refused = error instanceof JmoError ? \`\${error.code} \${error.detail}\` : String(error);
}
await jmo.dispose();
console.log(JSON.stringify({ fullName: me.fullName, cards: me.cards.length, firstEvent: firstEvent.status, agenda: KlaimStatus.Agenda, refused, document: MeDocument.kind }));
`;

const CONSUMER_TYPES = `
import { createJmoClient, JmoError, MeDocument, type KlaimStatus, type MeQuery, type ResultOf, type TypedDocumentNode, type VariablesOf, type KlaimStatusChangedSubscriptionVariables } from "@jmo/sdk";

const jmo = createJmoClient({ url: "https://api.example.go.id/graphql", getToken: () => null });

export async function typed(): Promise<string | undefined> {
  const { me } = await jmo.me();
  const name: string | undefined = me?.fullName;
  const nik: string | undefined = me?.nikMasked;
  for await (const { klaimStatusChanged } of jmo.klaimStatusChanged({ klaimId: "x", afterSequence: 2 })) {
    const status: KlaimStatus = klaimStatusChanged.status;
    const sequence: number = klaimStatusChanged.sequence;
    void status, sequence;
  }
  const { login } = await jmo.login({ input: { identifier: "budi@example.com", password: "x" } });
  const codes: string[] = login.userErrors.map((e) => e.code);
  // @ts-expect-error klaimId is required
  jmo.klaimStatusChanged({});
  // @ts-expect-error not an operation of the API
  jmo.notAnOperation();
  const result: ResultOf<typeof MeDocument> = {} as MeQuery;
  const vars: KlaimStatusChangedSubscriptionVariables = { klaimId: "x" };
  const doc: TypedDocumentNode<MeQuery, VariablesOf<typeof MeDocument>> = MeDocument;
  const error = new JmoError({ code: "NETWORK_ERROR", message: "x" });
  void result, vars, doc, codes, nik, error.code satisfies "NETWORK_ERROR" | string;
  return name;
}
`;

describe("the packed SDK in a fresh project outside the workspace", () => {
  it("ships only the built ESM files and their declarations", () => {
    expect(packedFiles).toContain("package.json");
    expect(packedFiles).toContain("dist/index.js");
    expect(packedFiles).toContain("dist/index.d.ts");
    expect(packedFiles.filter((f) => !/^(package\.json|README\.md|dist\/.+\.(js|d\.ts|js\.map))$/.test(f))).toEqual([]);
    expect(packedFiles.some((f) => f.includes(".test."))).toBe(false);
  });

  it("installs without any server code: only the SDK, graphql, graphql-ws and the app's ws", () => {
    const modules = readdirSync(join(project, "node_modules")).filter((n) => !n.startsWith("."));
    const scoped = modules.filter((n) => n.startsWith("@")).flatMap((scope) => readdirSync(join(project, "node_modules", scope)).map((n) => `${scope}/${n}`));
    expect([...modules.filter((n) => !n.startsWith("@")), ...scoped].sort()).toEqual(["@jmo/sdk", "graphql", "graphql-ws", "ws"]);
  });

  it("signs in, reads me(), follows a claim over ws and throws JmoError, from plain ESM under Node", async () => {
    const { email, klaimId } = await submittedKlaim(h);
    writeFileSync(join(project, "main.mjs"), CONSUMER_SCRIPT);
    const { stdout } = await timed("script", () => run(process.execPath, ["main.mjs", h.server.url, email, TEST_PASSWORD, klaimId], { cwd: project }));
    expect(JSON.parse(stdout.trim().split("\n").at(-1)!)).toEqual({
      fullName: "Budi Santoso",
      cards: 1,
      firstEvent: "AGENDA",
      agenda: "AGENDA",
      refused: "UNAUTHENTICATED TOKEN_INVALID",
      document: "Document",
    });
  });

  it("typechecks a TypeScript file against the tarball's declarations", async () => {
    writeFileSync(join(project, "app.ts"), CONSUMER_TYPES);
    // A file with one type error, checked in the same run: the types are real, not `any`.
    writeFileSync(join(project, "wrong.ts"), `import { createJmoClient } from "@jmo/sdk";\nexport const wrong: number = (await createJmoClient({ url: "" }).me()).me!.fullName;\n`);
    writeFileSync(
      join(project, "tsconfig.json"),
      JSON.stringify({
        compilerOptions: { target: "ES2022", module: "NodeNext", moduleResolution: "NodeNext", lib: ["ES2023", "DOM"], strict: true, noEmit: true, skipLibCheck: true, types: [] },
        files: ["app.ts", "wrong.ts"],
      }),
    );
    const output = await timed("typecheck", () =>
      run(tsc, ["-p", join(project, "tsconfig.json")], { cwd: project }).then(
        () => "",
        (e: { stdout?: string }) => e.stdout ?? String(e),
      ),
    );
    expect(output.trim().split("\n")).toEqual([expect.stringMatching(/^wrong\.ts\(2,\d+\): error TS2322: Type 'string' is not assignable to type 'number'\.$/)]);
  });
});
