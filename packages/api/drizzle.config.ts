import { defineConfig } from "drizzle-kit";

export default defineConfig({
  dialect: "postgresql",
  schema: "./packages/api/src/db/schema.ts",
  out: "./packages/api/drizzle",
});
