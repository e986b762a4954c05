import { describe, expect, it } from "vitest";
import { dueAtFor, nomorOf } from "./pengaduan-sla.ts";

describe("service-level deadlines in working days (WIB)", () => {
  it("ends at 24:00 WIB of the n-th working day after filing, skipping weekends and holidays", () => {
    // Wednesday 2026-11-25 10:00 WIB, KLAIM (3 working days): Thu, Fri, Mon → due at the end of Monday 30 November.
    expect(dueAtFor("KLAIM", new Date("2026-11-25T10:00:00+07:00")).toISOString()).toBe("2026-11-30T17:00:00.000Z");
    // Friday evening 23:30 WIB (16:30 UTC) is still Friday in WIB: AKUN (1 day) is due at the end of Monday.
    expect(dueAtFor("AKUN", new Date("2026-11-27T16:30:00Z")).toISOString()).toBe("2026-11-30T17:00:00.000Z");
    // Saturday 00:30 WIB (Friday 17:30 UTC) is Saturday in WIB: still Monday.
    expect(dueAtFor("AKUN", new Date("2026-11-27T17:30:00Z")).toISOString()).toBe("2026-11-30T17:00:00.000Z");
    // Five working days from Monday 21 December 2026 pass over Christmas (Friday 25th): Tue, Wed, Thu, Mon, Tue 29th.
    expect(dueAtFor("KOREKSI_DATA", new Date("2026-12-21T09:00:00+07:00")).toISOString()).toBe("2026-12-29T17:00:00.000Z");
  });

  it("numbers tickets ADU-YYYYMMDD-NNNN", () => {
    expect(nomorOf("2026-11-30", 7)).toBe("ADU-20261130-0007");
    expect(nomorOf("2026-11-30", 12345)).toBe("ADU-20261130-12345");
  });
});
