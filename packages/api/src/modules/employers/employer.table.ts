import { pgTable, text, timestamp, uuid } from "drizzle-orm/pg-core";

export const employers = pgTable("employers", {
  id: uuid("id").primaryKey().defaultRandom(),
  npp: text("npp").notNull().unique(),
  name: text("name").notNull(),
  createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
});

export type EmployerRow = typeof employers.$inferSelect;
