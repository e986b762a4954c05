import { execFile } from "node:child_process";
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";
import { gzipSync } from "node:zlib";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { TEST_PASSWORD } from "../../api/test/support/builders.ts";
import { useServerHarness } from "../../api/test/support/harness.ts";
import { submittedKlaim } from "./support/klaim.ts";

/*
 * The SDK as a frontend team gets it: built, packed (scripts/pack.mjs: a clean package.json), installed from the tarball
 * into a fresh project outside the workspace with npm (no pnpm, no workspace links, and no npm warning), then used from
 * plain ESM under Node against a real server, typechecked against the declarations in the tarball, and used as a team
 * would in a browser app: graphql-codegen's client preset run against the shipped schema.graphql, and a Vite build of an
 * app with one operation, whose bundle size shows that only what the app imports is shipped.
 */

// Asynchronous on purpose: the server under test runs in this process and must keep answering.
const run = promisify(execFile);
const repo = fileURLToPath(new URL("../../..", import.meta.url));
const sdkDir = join(repo, "packages/sdk");
const tsc = join(repo, "node_modules/.bin/tsc");
const WS_VERSION = "8.23.0";
// The app's own tools, as a team installs them (the versions the workspace uses).
const TOOLS = ["@graphql-codegen/cli@7.4.3", "@graphql-codegen/client-preset@6.2.0", "vite@8.3.8"];
const NPM_INSTALL = ["install", "--no-audit", "--no-fund", "--prefer-offline", "--no-package-lock"];
// npm and the app's tools as a team runs them: without the npm_config_* variables that pnpm (running this test) sets for
// its children (npm warns about pnpm's), nor vitest's NODE_ENV=test.
const npmEnv = Object.fromEntries(Object.entries(process.env).filter(([name]) => !/^(npm_|VITEST|NODE_ENV$)/i.test(name)));

const h = useServerHarness();
let project: string;
let packedManifest: Record<string, unknown>;
let installWarnings: string;
const timings: Record<string, number> = {};

async function timed<T>(label: string, work: () => Promise<T>): Promise<T> {
  const started = performance.now();
  try {
    return await work();
  } finally {
    timings[label] = Math.round(performance.now() - started);
  }
}

/** Builds and packs the SDK and installs the tarball with ws into a fresh npm project in the OS's temp dir. */
beforeAll(async () => {
  project = mkdtempSync(join(tmpdir(), "jmo-sdk-consumer-"));
  const packed = await timed("build+pack", () => run(process.execPath, [join(sdkDir, "scripts/pack.mjs"), project, "--json"], { cwd: sdkDir }));
  const info = JSON.parse(packed.stdout.trim().split("\n").at(-1)!) as { filename: string; files: { path: string }[] };
  packedFiles = info.files.map((f) => f.path);
  packedManifest = JSON.parse((await run("tar", ["-xOzf", join(project, info.filename), "package/package.json"])).stdout) as Record<string, unknown>;
  writeFileSync(join(project, "package.json"), JSON.stringify({ name: "jmo-sdk-consumer", private: true, type: "module" }, null, 2));
  const installed = await timed("install", () => run("npm", [...NPM_INSTALL, `./${info.filename}`, `ws@${WS_VERSION}`], { cwd: project, env: npmEnv }));
  installWarnings = installed.stderr;
}, 180_000);

afterAll(() => {
  console.info(`SDK pack test timings (ms): ${JSON.stringify(timings)}`);
  if (project) rmSync(project, { recursive: true, force: true });
});

let packedFiles: string[] = [];

const CONSUMER_SCRIPT = `
import WebSocket from "ws";
import { createJmoClient, createJmoCore, JmoError, KlaimStatus, MeDocument } from "@jmo/sdk";
import { possibleTypes } from "@jmo/sdk/possible-types";
import introspection from "@jmo/sdk/introspection.json" with { type: "json" };

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
// The core with the same document, and Node 20's missing WebSocket explained.
const core = createJmoCore({ url, getToken: () => token });
const viaCore = (await core.request(MeDocument)).me.fullName;
let noWebSocket;
try {
  await core.subscribe(MeDocument).next();
} catch (error) {
  noWebSocket = error.message;
}
await jmo.dispose();
console.log(JSON.stringify({
  fullName: me.fullName, cards: me.cards.length, firstEvent: firstEvent.status, agenda: KlaimStatus.Agenda, refused, document: MeDocument.kind,
  viaCore, noWebSocket: typeof globalThis.WebSocket === "undefined" ? noWebSocket : "(this Node has a WebSocket)",
  nodeTypes: possibleTypes.Node, introspected: introspection.__schema.types.some((t) => t.name === "Participant"),
}));
`;

const CONSUMER_TYPES = `
import { createJmoClient, createJmoCore, JmoError, MeDocument, CardFieldsFragmentDoc, type CardFieldsFragment, type KlaimStatus, type MeQuery, type ResultOf, type TypedDocumentNode, type VariablesOf, type KlaimStatusChangedSubscriptionVariables } from "@jmo/sdk";

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
  const core = createJmoCore({ url: "https://api.example.go.id/graphql" });
  const viaCore: string | undefined = (await core.request(MeDocument)).me?.fullName;
  const fragment: TypedDocumentNode<CardFieldsFragment, unknown> = CardFieldsFragmentDoc;
  void viaCore, fragment;
  void result, vars, doc, codes, nik, error.code satisfies "NETWORK_ERROR" | string;
  return name;
}
`;

describe("the packed SDK in a fresh project outside the workspace", () => {
  it("ships the built ESM files, their declarations and the schema (SDL, introspection, possibleTypes)", () => {
    expect(packedFiles).toContain("package.json");
    expect(packedFiles).toEqual(expect.arrayContaining(["dist/index.js", "dist/index.d.ts", "dist/apollo.js", "dist/urql.js", "dist/generated/possible-types.js"]));
    expect(packedFiles).toEqual(expect.arrayContaining(["dist/schema.graphql", "dist/introspection.json"]));
    expect(packedFiles.filter((f) => !/^(package\.json|README\.md|dist\/.+\.(js|d\.ts|js\.map)|dist\/(schema\.graphql|introspection\.json))$/.test(f))).toEqual([]);
    expect(packedFiles.some((f) => f.includes(".test."))).toBe(false);
  });

  it("packs a package.json without lifecycle scripts or workspace references, graphql as a peer", () => {
    expect(packedManifest.scripts).toBeUndefined();
    expect(packedManifest.devDependencies).toBeUndefined();
    expect(JSON.stringify(packedManifest)).not.toMatch(/workspace:|"source"|\.\/src\//);
    expect(packedManifest.dependencies).toEqual({ "graphql-ws": expect.any(String) });
    expect(packedManifest.peerDependencies).toMatchObject({ graphql: expect.stringMatching(/^\^16/) });
    expect(packedManifest.peerDependenciesMeta).toEqual({ "@apollo/client": { optional: true }, rxjs: { optional: true }, "@urql/core": { optional: true } });
  });

  it("installs with npm without a single warning", () => {
    expect(installWarnings).not.toMatch(/npm warn/i);
  });

  it("installs without any server code: only the SDK, graphql (its peer, installed by npm), graphql-ws and the app's ws", () => {
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
      viaCore: "Budi Santoso",
      noWebSocket: expect.stringContaining("npm install ws"),
      nodeTypes: expect.arrayContaining(["Card", "Participant"]),
      introspected: true,
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

  it("serves a team's own codegen (client preset on the shipped schema.graphql) and bundles one operation in a few kB", async () => {
    // The team's tools; npm's warnings here are theirs (engine notes of codegen's dependencies on Node 20), not the SDK's.
    await timed("install tools", () => run("npm", [...NPM_INSTALL, ...TOOLS], { cwd: project, env: npmEnv }));
    mkdirSync(join(project, "src"));
    writeFileSync(
      join(project, "codegen.mjs"),
      `import { fileURLToPath } from "node:url";
export default {
  // Resolved through the package's exports, as a team points codegen at it (no server introspection needed).
  schema: fileURLToPath(import.meta.resolve("@jmo/sdk/schema.graphql")),
  documents: ["src/**/*.ts", "!src/gql/**"],
  generates: { "src/gql/": { preset: "client", config: { useTypeImports: true, enumsAsTypes: true } } },
};
`,
    );
    writeFileSync(
      join(project, "src/main.ts"),
      `import { createJmoCore } from "@jmo/sdk";
import { graphql } from "./gql";

const AppMe = graphql(\`query AppMe { me { fullName cards { kpjMasked status } } }\`);
const jmo = createJmoCore({ url: "/graphql", getToken: () => localStorage.getItem("jmo.token") });
const { me } = await jmo.request(AppMe);
const name: string | undefined = me?.fullName;
document.body.textContent = \`\${name ?? "-"}: \${me?.cards.map((c) => c.kpjMasked + " " + c.status).join(", ")}\`;
`,
    );
    // The same app on the full client (52 methods), for comparison.
    mkdirSync(join(project, "full"));
    writeFileSync(join(project, "full/main.ts"), `import { createJmoClient } from "@jmo/sdk";\nconst jmo = createJmoClient({ url: "/graphql" });\ndocument.body.textContent = (await jmo.me()).me?.fullName ?? "-";\n`);
    for (const dir of ["src", "full"]) writeFileSync(join(project, dir, "index.html"), `<!doctype html><html><body><script type="module" src="./main.ts"></script></body></html>\n`);

    await timed("codegen", () => run(join(project, "node_modules/.bin/graphql-codegen"), ["--config", "codegen.mjs"], { cwd: project, env: npmEnv }));
    writeFileSync(
      join(project, "tsconfig.app.json"),
      JSON.stringify({
        compilerOptions: { target: "ES2022", module: "ESNext", moduleResolution: "Bundler", lib: ["ES2023", "DOM"], strict: true, noEmit: true, skipLibCheck: true, types: [] },
        include: ["src"],
      }),
    );
    const typeErrors = await timed("typecheck app", () => run(tsc, ["-p", "tsconfig.app.json"], { cwd: project }).then(() => "", (e: { stdout?: string }) => e.stdout ?? String(e)));
    expect(typeErrors).toBe("");

    const vite = join(project, "node_modules/.bin/vite");
    const bundle = async (dir: string) => {
      await run(vite, ["build", dir, "--outDir", `../out-${dir}`, "--emptyOutDir", "--logLevel", "warn"], { cwd: project, env: npmEnv });
      const assets = join(project, `out-${dir}/assets`);
      const js = readdirSync(assets).filter((f) => f.endsWith(".js"));
      const code = js.map((f) => readFileSync(join(assets, f), "utf8")).join("\n");
      return { bytes: Buffer.byteLength(code), gzip: gzipSync(code).length, code };
    };
    const app = await timed("vite build", () => bundle("src"));
    const full = await bundle("full");
    console.info(`one-operation app: ${app.bytes} B minified (${app.gzip} B gzip); the same with createJmoClient: ${full.bytes} B (${full.gzip} B gzip)`);
    // What one operation needs: graphql's printer (~12 kB minified), graphql-ws's client (~10 kB, subscriptions share the
    // client), the SDK's core and errors (~8 kB) and the document. 40 kB leaves room for small changes and fails when
    // the operation table (~190 kB of documents) or a second copy of graphql comes back.
    expect(app.bytes).toBeLessThan(40_000);
    expect(app.code).toContain("AppMe");
    expect(app.code).not.toMatch(/KlaimJhtSubmit|RegistrationStart|PengkinianStart/);
    expect(full.bytes).toBeGreaterThan(app.bytes * 4);
  }, 240_000);
});
