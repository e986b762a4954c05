import { defaultClientConditions, defineConfig } from "vite";

export default defineConfig({
  // "source": @jmo/sdk's TypeScript as exported for the workspace, so the app needs no SDK build first.
  resolve: { conditions: ["source", ...defaultClientConditions] },
  server: { host: "127.0.0.1", port: 5173 },
  preview: { host: "127.0.0.1", port: 4173 },
  build: { target: "es2022" },
});
