import "reflect-metadata";

export * from "./scalars.ts";
export * from "./enums.ts";
export * from "./common.types.ts";
export * from "./participant.types.ts";
export * from "./auth.types.ts";
