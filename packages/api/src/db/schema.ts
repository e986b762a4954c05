// Every table of the API, for drizzle and drizzle-kit. Each lives in its feature's folder.
export * from "../modules/employers/employer.table.ts";
export * from "../modules/participants/participant.table.ts";
export * from "../modules/cards/card.table.ts";
export * from "../modules/accounts/account.table.ts";
export * from "../modules/saldo/saldo.table.ts";
export * from "../modules/audit/personal-data-audit.table.ts";
export * from "../modules/pengkinian/pengkinian.table.ts";
export * from "../modules/klaim/klaim.table.ts";
export * from "../modules/klaim/bank-transfer.table.ts";
export * from "../modules/accounts/registration.table.ts";
export * from "../modules/accounts/login-attempt.table.ts";
export * from "../modules/iuran/iuran.table.ts";
export * from "../modules/pengaduan/pengaduan.table.ts";
export * from "../modules/kecelakaan/kecelakaan.table.ts";
export * from "../modules/notifications/notifications.table.ts";
export * from "../modules/kanal/kanal.table.ts";
export * from "../modules/berita/berita.table.ts";
