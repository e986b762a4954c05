// The five programs' benefits as dated data, each fact with its source (docs/domain/manfaat.md explains the choices).
// A regulation that changes a benefit adds a version with its `from`; the old one stays, so a question about a past
// day (a death in 2019) gets that day's answer. Amounts are integer sen.
import type { RuleStatus } from "../rules/rule-book.ts";

export type ProgramCode = "JHT" | "JKK" | "JKM" | "JP" | "JKP";
export type SegmentCode = "PU" | "BPU" | "PMI" | "JAKON";
export type ChannelCode = "JMO" | "LAPAK_ASIK" | "KANTOR_CABANG" | "SIAP_KERJA" | "PEMBERI_KERJA";

export interface SourceData {
  title: string;
  url: string | null;
  status: RuleStatus;
}
export interface BenefitData {
  code: string;
  name: string;
  description: string;
  amountSen: bigint | null;
  formula: string | null;
  sources: SourceData[];
}
export interface CoverageData {
  segment: SegmentCode;
  mandatory: boolean;
  note: string | null;
}
export interface ClaimWayData {
  channel: ChannelCode;
  when: string;
  steps: string[];
}
export interface ProgramVersion {
  program: ProgramCode;
  name: string;
  summary: string;
  /** YYYY-MM-DD, in force from this day until the next version's `from`. */
  from: string;
  regulation: string;
  coverage: CoverageData[];
  benefits: BenefitData[];
  claim: ClaimWayData[];
}

const rp = (rupiah: number): bigint => BigInt(rupiah) * 100n;

// ---- sources ----
const S = {
  pp82: {
    title: "PP 82/2019 (perubahan PP 44/2015 tentang JKK dan JKM), berlaku 2 Desember 2019; rincian manfaat dikutip BPJS Ketenagakerjaan Cabang Papua (reportasepapua.com, 20-12-2019)",
    url: "https://reportasepapua.com/manfaat-jkk-dan-jkm-bpjamsostek-meningkat-tanpa-kenaikan-iuran-ini-besarannya/",
    status: "SECONDARY",
  },
  pp82Sulama: {
    title: "BPJS Ketenagakerjaan Sulawesi-Maluku tentang PP 82/2019: berlaku untuk kejadian mulai 2 Desember 2019; STMB 100% 12 bulan pertama; santunan berkala Rp12 juta; pemakaman Rp10 juta; JKM Rp42 juta (bipol.co)",
    url: "https://bipol.co/?p=43766",
    status: "SECONDARY",
  },
  pp44Old: {
    title: "PP 44/2015 sebelum perubahan: JKM sekaligus Rp16,2 juta, berkala Rp4,8 juta, pemakaman Rp3 juta, beasiswa Rp12 juta (reportasepapua.com 2019; kliping Kemnaker 4-11-2019)",
    url: "http://online.flipbuilder.com/plcl/ztyb/files/basic-html/page199.html",
    status: "SECONDARY",
  },
  beasiswa: {
    title: "Permenaker 5/2021 (berlaku 1 April 2021): beasiswa 2 anak, TK/SD Rp1,5 juta, SMP Rp2 juta, SMA Rp3 juta, perguruan tinggi Rp12 juta per tahun, total paling banyak Rp174 juta (BPJS Ketenagakerjaan Cabang Baubau, rubriksultra.com)",
    url: "https://rubriksultra.com/?p=25651",
    status: "SECONDARY",
  },
  pp45: { title: "PP 45/2015 tentang Penyelenggaraan Program Jaminan Pensiun, pasal 15–18 dan 29", url: null, status: "OFFICIAL" },
  ruleBook: { title: "Buku aturan JMO (docs/domain/rules.md): batas manfaat JP per tahun, dengan sumber per angka", url: null, status: "OFFICIAL" },
  permenaker4_2022: { title: "Permenaker 4/2022 tentang Tata Cara dan Persyaratan Pembayaran Manfaat JHT (ringkasan di shared/domain.md, klaim JHT)", url: null, status: "OFFICIAL" },
  seed003: {
    title: "Seed 003: cara mencairkan BPJS Ketenagakerjaan (JHT di JMO, Lapak Asik, kantor cabang; JKM, JKK, JP di kantor cabang; JKP di Siap Kerja)",
    url: null,
    status: "SECONDARY",
  },
  pp37: { title: "PP 37/2021 tentang JKP: 45% upah 3 bulan pertama, 25% 3 bulan berikutnya, batas upah Rp5 juta (okezone.com 17-02-2025)", url: "https://economy.okezone.com/read/2025/02/17/320/3114365/aturan-terbaru-untuk-korban-phk-dijamin-60-gaji-selama-6-bulan", status: "SECONDARY" },
  pp6_2025: {
    title: "PP 6/2025 (perubahan PP 37/2021), berlaku 7 Februari 2025: pasal 21, 60% upah paling lama 6 bulan, batas upah Rp5.000.000 (wahananews.co; okezone.com 17-02-2025)",
    url: "https://wahananews.co/nasional/prabowo-teken-pp-baru-korban-phk-dapat-60-gaji-selama-6-bulan-K7R1p8pqHR",
    status: "SECONDARY",
  },
  jkpSyarat: {
    title: "Syarat klaim JKP dari situs resmi JKP: 12 bulan iur dalam 24 bulan, 6 bulan berturut-turut, paling lambat 3 bulan sejak PHK, melalui SIAPkerja (nextren.grid.id; bloombergtechnoz.com)",
    url: "https://nextren.grid.id/read/013722587/cara-ajukan-klaim-jkp-bpjs-ketenagakerjaan-dapat-uang-dan-pelatihan?page=2",
    status: "SECONDARY",
  },
  pmi: {
    title: "Permenaker 4/2023 tentang Jaminan Sosial Pekerja Migran Indonesia: JKK dan JKM wajib, JHT dapat diikuti (inforegulasi.com)",
    url: "https://inforegulasi.com/2023/03/permenaker-nomor-4-tahun-2023-tentang.html",
    status: "SECONDARY",
  },
  jakon: {
    title: "BPJS Ketenagakerjaan, \"Perlindungan untuk pekerja Jasa Konstruksi (Jakon)\": JKK dan JKM; PP 44/2015 pasal 2",
    url: "https://www.bpjsketenagakerjaan.go.id/artikel/18904/artikel-perlindungan-untuk-pekerja-jasa-konstruksi-(jakon).bpjs",
    status: "OFFICIAL",
  },
  domain: { title: "docs/domain (shared/domain.md): iuran per program dan segmen; BPU: JKK, JKM, JHT pilihan, tanpa JP", url: null, status: "SECONDARY" },
  laporanKk: { title: "Formulir 3 KK 1, Laporan Kasus Kecelakaan Kerja Tahap I: wajib dilaporkan dalam 2 × 24 jam (docs/domain/kecelakaan-kerja.md)", url: "https://id.scribd.com/document/348975248/form-KK-1", status: "OFFICIAL" },
} satisfies Record<string, SourceData>;

// ---- shared benefit pieces ----
const BEASISWA_174: BenefitData = {
  code: "BEASISWA",
  name: "Beasiswa pendidikan anak",
  description:
    "Untuk paling banyak 2 anak (belum bekerja, belum menikah, di bawah 23 tahun): per tahun TK/SD Rp1.500.000, SMP Rp2.000.000, SMA Rp3.000.000, perguruan tinggi Rp12.000.000; jumlahnya paling banyak Rp174.000.000 untuk 2 anak",
  amountSen: rp(174_000_000),
  formula: null,
  sources: [S.beasiswa, S.pp82],
};
const PEMAKAMAN_10: BenefitData = { code: "BIAYA_PEMAKAMAN", name: "Biaya pemakaman", description: "Dibayar sekaligus kepada ahli waris", amountSen: rp(10_000_000), formula: null, sources: [S.pp82, S.pp82Sulama] };
const BERKALA_12: BenefitData = {
  code: "SANTUNAN_BERKALA",
  name: "Santunan berkala",
  description: "24 × Rp500.000, dibayar sekaligus",
  amountSen: rp(12_000_000),
  formula: "24 × Rp500.000",
  sources: [S.pp82, S.pp82Sulama],
};
const CLAIM_KANTOR_CABANG = (program: string): ClaimWayData => ({
  channel: "KANTOR_CABANG",
  when: "Selalu dapat",
  steps: [
    "Datang ke kantor cabang terdekat dengan dokumen asli",
    `Ambil nomor antrean untuk klaim ${program}`,
    "Serahkan dokumen dan ikuti wawancara petugas",
    "Manfaat dibayar ke rekening",
  ],
});

/** JKP is claimed in SIAPkerja only, whatever the version (seed 003 and the JKP site). */
const JKP_CLAIM: ClaimWayData = {
  channel: "SIAP_KERJA",
  when: "PHK (bukan mengundurkan diri, pensiun, cacat total tetap, meninggal, atau PKWT yang berakhir); masa iur 12 bulan dalam 24 bulan dengan 6 bulan berturut-turut; diajukan paling lambat 3 bulan sejak PHK",
  steps: [
    "Masuk ke siapkerja.kemnaker.go.id",
    "Laporkan PHK (atau pastikan pemberi kerja sudah melaporkannya) dengan buktinya",
    "Isi formulir klaim dengan rekening dan setujui Komitmen Aktivitas Pencarian Kerja",
    "Tunggu email bahwa manfaat sedang diproses; manfaat masuk ke rekening",
    "Bulan ke-2 sampai ke-6: asesmen diri, misi pencarian kerja, lalu ajukan klaim bulan berikutnya",
  ],
};
export const PROGRAM_VERSIONS: readonly ProgramVersion[] = [
  {
    program: "JHT",
    name: "Jaminan Hari Tua",
    summary: "Tabungan hari tua: iuran dan hasil pengembangannya dibayar sekaligus saat usia 56, berhenti bekerja, cacat total tetap, meninggal, atau meninggalkan Indonesia.",
    from: "2015-07-01",
    regulation: "PP 46/2015 jo. PP 60/2015; tata cara klaim: Permenaker 4/2022",
    coverage: [
      { segment: "PU", mandatory: true, note: "Iuran 5,7% upah: 3,7% pemberi kerja, 2% pekerja" },
      { segment: "BPU", mandatory: false, note: "Pilihan peserta: 2% dari penghasilan yang dilaporkan" },
      { segment: "PMI", mandatory: false, note: "Dapat diikuti (Permenaker 4/2023)" },
    ],
    benefits: [
      {
        code: "JHT_SALDO",
        name: "Saldo JHT",
        description: "Akumulasi iuran ditambah hasil pengembangan (paling sedikit rata-rata bunga deposito bank pemerintah), dibayar sekaligus; PPh 21 final 0% sampai Rp50 juta, 5% di atasnya",
        amountSen: null,
        formula: "saldo = iuran pemberi kerja + iuran pekerja + pengembangan − penarikan",
        sources: [S.permenaker4_2022, S.domain],
      },
      {
        code: "JHT_SEBAGIAN",
        name: "Klaim JHT sebagian",
        description: "Sekali selama masih bekerja, setelah kepesertaan paling sedikit 10 tahun: 10% untuk keperluan apa saja atau 30% untuk perumahan",
        amountSen: null,
        formula: "10% × saldo, atau 30% × saldo (perumahan)",
        sources: [S.permenaker4_2022],
      },
    ],
    claim: [
      {
        channel: "JMO",
        when: "Saldo paling banyak batas klaim JMO pada hari itu, pengkinian data selesai, kartu NONAKTIF (berhenti bekerja atau PHK) paling sedikit 1 bulan",
        steps: ["Buka Klaim JHT dan periksa tiga syarat", "Pilih sebab klaim", "Konfirmasi KPJ dan swafoto", "Isi NPWP dan rekening", "Setujui pernyataan dan kirim", "Lacak klaim sampai selesai"],
      },
      { channel: "LAPAK_ASIK", when: "Saldo di atas batas klaim JMO", steps: ["Buka Lapak Asik", "Isi data dan unggah dokumen", "Ikuti wawancara video", "Saldo dikirim ke rekening"] },
      CLAIM_KANTOR_CABANG("JHT"),
    ],
  },
  {
    program: "JKK",
    name: "Jaminan Kecelakaan Kerja",
    summary: "Perawatan tanpa batas biaya sesuai kebutuhan medis dan santunan uang bila peserta mengalami kecelakaan kerja (termasuk dalam perjalanan pergi dan pulang kerja) atau penyakit akibat kerja.",
    from: "2019-12-02",
    regulation: "PP 44/2015 jo. PP 82/2019; Permenaker 5/2021",
    coverage: [
      { segment: "PU", mandatory: true, note: "Iuran pemberi kerja 0,24–1,74% upah menurut kelompok risiko" },
      { segment: "BPU", mandatory: true, note: "Iuran 1% dari penghasilan yang dilaporkan; santunan dihitung dari penghasilan itu" },
      { segment: "PMI", mandatory: true, note: "Sebelum, selama dan sesudah penempatan (Permenaker 4/2023)" },
      { segment: "JAKON", mandatory: true, note: "Didaftarkan per proyek konstruksi" },
    ],
    benefits: [
      { code: "JKK_PERAWATAN", name: "Perawatan dan pengobatan", description: "Tanpa batas biaya sesuai kebutuhan medis, di rumah sakit atau klinik kerja sama (PLKK/trauma center)", amountSen: null, formula: null, sources: [S.pp82] },
      { code: "JKK_STMB", name: "Santunan sementara tidak mampu bekerja (STMB)", description: "Pengganti upah selama tidak dapat bekerja", amountSen: null, formula: "100% × upah untuk 12 bulan pertama, lalu 50% × upah sampai sembuh", sources: [S.pp82, S.pp82Sulama] },
      { code: "JKK_CACAT_SEBAGIAN", name: "Santunan cacat sebagian", description: "Cacat sebagian anatomis atau fungsi, dibayar sekaligus", amountSen: null, formula: "% tabel × 80 × upah", sources: [S.pp82] },
      { code: "JKK_CACAT_TOTAL_TETAP", name: "Santunan cacat total tetap", description: "Dibayar sekaligus, ditambah santunan berkala dan beasiswa anak", amountSen: null, formula: "70% × 80 × upah (= 56 × upah)", sources: [S.pp82] },
      { code: "JKK_MENINGGAL", name: "Santunan kematian karena kecelakaan kerja", description: "Dibayar sekaligus kepada ahli waris, ditambah santunan berkala, biaya pemakaman dan beasiswa anak", amountSen: null, formula: "48 × upah", sources: [S.pp82] },
      BERKALA_12,
      PEMAKAMAN_10,
      BEASISWA_174,
      { code: "JKK_KEMBALI_BEKERJA", name: "Program kembali bekerja (return to work)", description: "Pendampingan dan pelatihan sampai peserta dapat bekerja kembali", amountSen: null, formula: null, sources: [S.pp82] },
    ],
    claim: [
      {
        channel: "PEMBERI_KERJA",
        when: "Setiap kecelakaan kerja",
        steps: [
          "Pemberi kerja melaporkan kecelakaan (laporan tahap I) ke BPJS Ketenagakerjaan dan Disnaker paling lama 2 × 24 jam",
          "Peserta dirawat di PLKK/trauma center tanpa biaya",
          "Setelah dokter menyatakan sembuh, cacat atau meninggal, pemberi kerja mengirim laporan tahap II",
        ],
      },
      { channel: "JMO", when: "Peserta dengan kartu AKTIF ingin melaporkan sendiri", steps: ["Buka Lapor Kecelakaan Kerja", "Isi waktu, tempat, kejadian, cedera, perawatan dan saksi", "Ikuti status laporan sampai ditindaklanjuti"] },
      CLAIM_KANTOR_CABANG("JKK"),
    ],
  },
  {
    program: "JKM",
    name: "Jaminan Kematian",
    summary: "Santunan uang untuk ahli waris bila peserta meninggal dunia bukan karena kecelakaan kerja.",
    from: "2015-07-01",
    regulation: "PP 44/2015",
    coverage: [
      { segment: "PU", mandatory: true, note: "Iuran pemberi kerja 0,30% upah" },
      { segment: "BPU", mandatory: true, note: "Iuran Rp6.800 sebulan" },
      { segment: "PMI", mandatory: true, note: null },
      { segment: "JAKON", mandatory: true, note: null },
    ],
    benefits: [
      { code: "JKM_SANTUNAN_SEKALIGUS", name: "Santunan sekaligus", description: "Dibayar kepada ahli waris", amountSen: rp(16_200_000), formula: null, sources: [S.pp44Old] },
      { code: "SANTUNAN_BERKALA", name: "Santunan berkala", description: "24 × Rp200.000, dibayar sekaligus", amountSen: rp(4_800_000), formula: "24 × Rp200.000", sources: [S.pp44Old] },
      { code: "BIAYA_PEMAKAMAN", name: "Biaya pemakaman", description: "Dibayar sekaligus kepada ahli waris", amountSen: rp(3_000_000), formula: null, sources: [S.pp44Old] },
      { code: "BEASISWA", name: "Beasiswa pendidikan anak", description: "Untuk 1 anak, bila masa iur paling sedikit 5 tahun", amountSen: rp(12_000_000), formula: null, sources: [S.pp44Old] },
    ],
    claim: [CLAIM_KANTOR_CABANG("JKM")],
  },
  {
    program: "JKM",
    name: "Jaminan Kematian",
    summary: "Santunan uang untuk ahli waris bila peserta meninggal dunia bukan karena kecelakaan kerja: Rp42 juta, ditambah beasiswa anak bila masa iur paling sedikit 3 tahun.",
    from: "2019-12-02",
    regulation: "PP 44/2015 jo. PP 82/2019; Permenaker 5/2021",
    coverage: [
      { segment: "PU", mandatory: true, note: "Iuran pemberi kerja 0,30% upah" },
      { segment: "BPU", mandatory: true, note: "Iuran Rp6.800 sebulan" },
      { segment: "PMI", mandatory: true, note: null },
      { segment: "JAKON", mandatory: true, note: null },
    ],
    benefits: [
      { code: "JKM_SANTUNAN_SEKALIGUS", name: "Santunan sekaligus", description: "Dibayar kepada ahli waris", amountSen: rp(20_000_000), formula: null, sources: [S.pp82] },
      BERKALA_12,
      PEMAKAMAN_10,
      { code: "JKM_TOTAL", name: "Jumlah santunan JKM", description: "Santunan sekaligus + santunan berkala + biaya pemakaman", amountSen: rp(42_000_000), formula: "Rp20.000.000 + Rp12.000.000 + Rp10.000.000", sources: [S.pp82, S.pp82Sulama] },
      { ...BEASISWA_174, description: `${BEASISWA_174.description}; bila masa iur paling sedikit 3 tahun` },
    ],
    claim: [
      {
        channel: "LAPAK_ASIK",
        when: "Ahli waris di kantor cabang, melalui layanan Lapak Asik",
        steps: ["Datang ke kantor cabang terdekat", "Pindai kode QR di kantor cabang dan aktifkan GPS", "Pilih program JKM di Lapak Asik", "Isi data dan unggah dokumen", "Santunan dibayar ke rekening ahli waris"],
      },
      CLAIM_KANTOR_CABANG("JKM"),
    ],
  },
  {
    program: "JP",
    name: "Jaminan Pensiun",
    summary: "Pensiun bulanan sejak usia pensiun bila masa iur paling sedikit 15 tahun; kurang dari itu, iuran dan pengembangannya dibayar sekaligus.",
    from: "2015-07-01",
    regulation: "PP 45/2015",
    coverage: [{ segment: "PU", mandatory: true, note: "Pekerja di bawah usia pensiun; iuran 3% upah sampai batas upah (2% pemberi kerja, 1% pekerja); usaha mikro dan kecil dapat belum ikut" }],
    benefits: [
      { code: "JP_PENSIUN_BULANAN", name: "Manfaat pensiun hari tua", description: "Bulanan, seumur hidup, sejak usia pensiun (57 pada 2019, naik 1 tahun setiap 3 tahun sampai 65)", amountSen: null, formula: "1% × (masa iur dalam bulan / 12) × rata-rata upah tertimbang setahun / 12", sources: [S.pp45] },
      { code: "JP_SEKALIGUS", name: "Manfaat sekaligus", description: "Masa iur kurang dari 15 tahun: akumulasi iuran ditambah hasil pengembangan", amountSen: null, formula: "iuran + pengembangan", sources: [S.pp45] },
      { code: "JP_AHLI_WARIS", name: "Pensiun janda/duda, anak, orang tua; pensiun cacat", description: "Diteruskan kepada ahli waris bila peserta meninggal; pensiun cacat bila cacat total tetap", amountSen: null, formula: null, sources: [S.pp45] },
    ],
    claim: [CLAIM_KANTOR_CABANG("JP"), { channel: "LAPAK_ASIK", when: "Tanpa datang ke kantor cabang", steps: ["Buka Lapak Asik", "Isi data dan unggah dokumen", "Ikuti wawancara video", "Manfaat dibayar ke rekening"] }],
  },
  {
    program: "JKP",
    name: "Jaminan Kehilangan Pekerjaan",
    summary: "Uang tunai, informasi pasar kerja dan pelatihan kerja bagi pekerja yang terkena PHK.",
    from: "2021-02-02",
    regulation: "PP 37/2021",
    coverage: [{ segment: "PU", mandatory: true, note: "WNI, di bawah 54 tahun saat mendaftar; usaha menengah dan besar ikut JKK, JKM, JHT, JP; mikro dan kecil paling sedikit JKK, JKM, JHT" }],
    benefits: [
      { code: "JKP_UANG_TUNAI", name: "Manfaat uang tunai", description: "Setiap bulan paling lama 6 bulan; upah dasar paling tinggi Rp5.000.000", amountSen: null, formula: "45% × upah untuk 3 bulan pertama, 25% × upah untuk 3 bulan berikutnya", sources: [S.pp37] },
      { code: "JKP_INFORMASI_PASAR_KERJA", name: "Akses informasi pasar kerja", description: "Informasi lowongan dan bimbingan jabatan melalui SIAPkerja", amountSen: null, formula: null, sources: [S.pp37] },
      { code: "JKP_PELATIHAN", name: "Pelatihan kerja", description: "Pelatihan berbasis kompetensi", amountSen: null, formula: null, sources: [S.pp37] },
    ],
    claim: [JKP_CLAIM],
  },
  {
    program: "JKP",
    name: "Jaminan Kehilangan Pekerjaan",
    summary: "Uang tunai 60% upah paling lama 6 bulan, informasi pasar kerja dan pelatihan kerja bagi pekerja yang terkena PHK.",
    from: "2025-02-07",
    regulation: "PP 37/2021 jo. PP 6/2025",
    coverage: [{ segment: "PU", mandatory: true, note: "WNI, di bawah 54 tahun saat mendaftar; usaha menengah dan besar ikut JKK, JKM, JHT, JP; mikro dan kecil paling sedikit JKK, JKM, JHT" }],
    benefits: [
      { code: "JKP_UANG_TUNAI", name: "Manfaat uang tunai", description: "Setiap bulan paling lama 6 bulan; upah dasar paling tinggi Rp5.000.000", amountSen: null, formula: "60% × upah terakhir yang dilaporkan (paling tinggi Rp5.000.000)", sources: [S.pp6_2025] },
      { code: "JKP_UANG_TUNAI_MAKS", name: "Manfaat uang tunai paling banyak per bulan", description: "60% × Rp5.000.000", amountSen: rp(3_000_000), formula: "60% × Rp5.000.000", sources: [S.pp6_2025] },
      { code: "JKP_INFORMASI_PASAR_KERJA", name: "Akses informasi pasar kerja", description: "Informasi lowongan dan bimbingan jabatan melalui SIAPkerja", amountSen: null, formula: null, sources: [S.pp6_2025] },
      { code: "JKP_PELATIHAN", name: "Pelatihan kerja", description: "Pelatihan berbasis kompetensi", amountSen: null, formula: null, sources: [S.pp6_2025] },
    ],
    claim: [JKP_CLAIM],
  },
];


export const SOURCES = S;
