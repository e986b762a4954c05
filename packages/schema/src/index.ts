import "reflect-metadata";

export * from "./scalars.ts";
export * from "./enums.ts";
export * from "./common.types.ts";
export * from "./participant.types.ts";
export * from "./reference.types.ts";
export * from "./pengkinian.types.ts";
export * from "./account-block.types.ts";
export * from "./saldo.types.ts";
export * from "./simulasi.types.ts";
export * from "./digital-card.types.ts";
export * from "./auth.types.ts";
export * from "./registration.types.ts";
export * from "./bpu-card.types.ts";
export * from "./klaim.types.ts";
export * from "./klaim-tracking.types.ts";
export * from "./rules.types.ts";
export * from "./iuran-bpu.types.ts";
