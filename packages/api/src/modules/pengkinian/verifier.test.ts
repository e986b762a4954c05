import { describe, expect, it } from "vitest";
import { SandboxPengkinianVerifier } from "./verifier.ts";

const verifier = new SandboxPengkinianVerifier();
const submission = (nik: string, birthDate: string, gender: "LAKI_LAKI" | "PEREMPUAN") =>
  verifier.decide({ pengkinianId: "p", nik, fullName: "Siti Rahayu", birthDate, gender });

describe("sandbox pengkinian verifier", () => {
  it("accepts a NIK that carries the birth date and, for a woman, the day + 40", async () => {
    await expect(submission("3273026108930002", "1993-08-21", "PEREMPUAN")).resolves.toEqual({ status: "TERVERIFIKASI" });
    await expect(submission("3273022108930002", "1993-08-21", "LAKI_LAKI")).resolves.toEqual({ status: "TERVERIFIKASI" });
  });

  it.each([
    ["3273026108930002", "1993-08-22", "PEREMPUAN", "NIK_TANGGAL_LAHIR_TIDAK_SESUAI"],
    ["3273026108930002", "1993-08-21", "LAKI_LAKI", "NIK_JENIS_KELAMIN_TIDAK_SESUAI"],
    ["3273029908930002", "1993-08-21", "PEREMPUAN", "NIK_TIDAK_VALID"],
    ["327302610893000", "1993-08-21", "PEREMPUAN", "NIK_TIDAK_VALID"],
  ] as const)("refuses %s for %s %s: %s", async (nik, birthDate, gender, reason) => {
    await expect(submission(nik, birthDate, gender)).resolves.toEqual({ status: "DITOLAK", reason });
  });
});
