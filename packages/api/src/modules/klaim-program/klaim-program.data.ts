// Klaim program lain (issue 16 part 2): how JKM, JKK, JP and JKP are claimed, as dated data with a source per fact
// (docs/domain/klaim-program.md explains the choices). The benefits themselves are not repeated here: they live in
// manfaat.data.ts and klaimProgramInfo links to them. A regulation that changes who may claim, the documents, a
// channel or a condition adds a version with its `from`; the old one stays, so a past day gets that day's answer.
// The figures the candidate check uses (JKP: 12 of 24 months, 6 consecutive, the claim deadline) are in the version
// too, next to the words that state them, never constants in the evaluator.
import { SOURCES as MANFAAT_SOURCES, type ChannelCode, type SourceData } from "../manfaat/manfaat.data.ts";

export type ClaimProgramCode = "JKM" | "JKK" | "JP" | "JKP";

/** Who may claim: lower `rank` first; several with the same rank claim together (JKM: widow(er) or children). */
export interface ClaimantData {
  rank: number;
  who: string;
  when: string;
  sources: SourceData[];
}
export interface DocumentData {
  code: string;
  name: string;
  /** The claim this document is for (e.g. "pensiun janda/duda"); null: every claim of the program. */
  forClaim: string | null;
  note: string | null;
  sources: SourceData[];
}
/** The KanalLayananService an office must offer for this claim (kanalLayanan lists the offices). */
export type KanalServiceCode = "KLAIM_JKK_JKM" | "KLAIM_JP" | "KLAIM_JKP";
export interface ChannelData {
  kind: ChannelCode;
  name: string;
  url: string | null;
  when: string;
  steps: string[];
  /** True when the claimant must go to a branch office (JKM through Lapak Asik is done at the branch, with GPS). */
  needsBranchVisit: boolean;
  kanalService: KanalServiceCode | null;
  sources: SourceData[];
}
export interface ConditionData {
  code: string;
  text: string;
  sources: SourceData[];
}
/** JKP's figures, read by the candidate check. */
export interface JkpRules {
  /** At least this many paid months… */
  minMonthsPaid: number;
  /** …within this many months before the PHK month. */
  windowMonths: number;
  /** The months just before the PHK month that must all be paid. */
  consecutiveMonths: number;
  /** The claim must be made within this many months of the PHK (the right is lost after). */
  claimWithinMonths: number;
  /** Younger than this at registration. */
  maxAgeAtRegistration: number;
}
/** JKM's figure for the children's scholarship (beasiswa). */
export interface JkmRules {
  beasiswaMinMonths: number;
}
/** JP's figures: a monthly pension from this many months of contributions (PP 45/2015); how long past pension age it can wait. */
export interface JpRules {
  monthlyPensionMinMonths: number;
  deferMaxYears: number;
}
export interface ClaimProgramVersion {
  program: ClaimProgramCode;
  name: string;
  summary: string;
  /** YYYY-MM-DD, in force from this day until the next version's `from`. */
  from: string;
  regulation: string;
  claimants: ClaimantData[];
  conditions: ConditionData[];
  documents: DocumentData[];
  channels: ChannelData[];
  jkp?: JkpRules;
  jkm?: JkmRules;
  jp?: JpRules;
}

export const LAPAK_ASIK_URL = "https://lapakasik.bpjsketenagakerjaan.go.id/";
export const SIAP_KERJA_URL = "https://siapkerja.kemnaker.go.id/";

// ---- sources ----
const S = {
  ...MANFAAT_SOURCES,
  pp44Ahliwaris: {
    title:
      "PP 44/2015 pasal 40: ahli waris JKM (janda, duda atau anak; bila tidak ada: keturunan sedarah garis lurus sampai derajat kedua, saudara kandung, mertua, yang ditunjuk dalam wasiat); dibayar paling lama 3 hari kerja sejak surat permohonan dengan surat keterangan kematian, surat keterangan ahli waris dan kartu peserta. Teks pasal dikutip perisaiblora.blogspot.com (12-11-2023); bunyi yang sama: Permenaker 44/2015 pasal 19 di pasal.id",
    url: "https://pasal.id/en/peraturan/permen/permenakertrans-no-44-tahun-2015/koreksi/7549431",
    status: "OFFICIAL",
  },
  jkmDokumen: {
    title: "Dokumen klaim JKM \"dikutip dari laman resmi BPJS Ketenagakerjaan\": kartu peserta, e-KTP tenaga kerja dan ahli waris, akta kematian, KK, surat keterangan ahli waris, buku nikah, buku tabungan, NPWP; langkah Lapak Asik di kantor cabang (star.grid.id, 2023)",
    url: "https://star.grid.id/read/453590509/ahli-waris-bisa-ajukan-klaim-jaminan-kematian-bpjs-ketenagakerjaan-ini-syarat-dan-dokumen-yang-harus-disiapkan",
    status: "SECONDARY",
  },
  jkmDokumen2020: {
    title: "12 syarat klaim JKM: surat keterangan waris, surat kuasa waris, surat keterangan meninggal dari perusahaan, formulir 4, rekening, NPWP bila lebih dari Rp50 juta (sumsel.tribunnews.com, 18-09-2020)",
    url: "https://sumsel.tribunnews.com/2020/09/18/peserta-meninggal-bukan-kecelakaan-kerja-ini-syarat-klaim-jaminan-kematian-bpjs-ketenagakerjaan",
    status: "SECONDARY",
  },
  jkkDokumen: {
    title: "Berkas klaim JKK: e-KTP, kronologis kejadian, absensi, formulir tahap I (2×24 jam), formulir tahap II, surat keterangan dokter (formulir 3b KK3), kuitansi pengangkutan dan pengobatan bila di fasilitas belum kerja sama (batam.tribunnews.com, 26-03-2022)",
    url: "https://batam.tribunnews.com/2022/03/26/cara-mengurus-klaim-jaminan-kecelakaan-kerja-jkk-bpjs-ketenagakerjaan-siapkan-dulu-berkas-ini?page=2",
    status: "SECONDARY",
  },
  jkkProsedur: {
    title: "Prosedur pengajuan klaim JKK: laporan tahap I oleh perusahaan paling lama 2×24 jam, tahap II setelah dinyatakan sembuh/cacat/meninggal; di luar lokasi: surat tugas dan keterangan kepolisian (dokumen prosedur 2017, pdfcoke.com)",
    url: "https://pdfcoke.com/documents/prosedur-pengajuan-klaim-jkk-2017doc-polddpd8yp3x",
    status: "SECONDARY",
  },
  pp45Pasal15: {
    title:
      "PP 45/2015 pasal 15–17: usia pensiun 56, 57 mulai 1 Januari 2019, +1 tahun setiap 3 tahun sampai 65; tetap dipekerjakan: manfaat pada usia pensiun atau saat berhenti bekerja, paling lama 3 tahun setelah usia pensiun; manfaat: pensiun hari tua, cacat, janda/duda, anak, orang tua (teks dikutip hrd-forum.com)",
    url: "http://www.hrd-forum.com/program-jaminan-pensiun-pp-no-45-tahun-2015/",
    status: "OFFICIAL",
  },
  permenaker29_2015: {
    title: "Permenaker 29/2015 pasal 26: peserta meninggal sebelum usia pensiun dengan masa iur kurang dari 15 tahun: pensiun janda/duda dihitung 15 tahun bila peserta paling singkat 1 tahun dengan kepadatan iuran paling sedikit 80%, selain itu sekaligus (pasal.id)",
    url: "https://www.pasal.id/peraturan/permen/permenaker-no-29-tahun-2015/koreksi/10460148",
    status: "OFFICIAL",
  },
  jpDokumen: {
    title: "Dokumen klaim JP per jenis manfaat (usia pensiun, cacat total tetap, janda/duda): formulir 7, kartu peserta, KTP, KK, surat keterangan dokter dan pemberi kerja (cacat), surat nikah, surat kematian, surat keterangan ahli waris; unggah di portal klaim atau kantor cabang (finansial.bisnis.com, 25-07-2023; infobpjs.id)",
    url: "https://finansial.bisnis.com/read/20230725/215/1677782/klaim-jaminan-pensiun-bpjs-ketenagakerjaan-begini-caranya",
    status: "SECONDARY",
  },
  jpAnak: {
    title: "Syarat klaim pensiun anak: KTP/identitas anak, KK, surat kematian, surat keterangan ahli waris, surat keterangan wali bila di bawah 18 tahun dan KTP wali (star.grid.id, 2023)",
    url: "https://star.grid.id/amp/453655168/syarat-klaim-manfaat-jaminan-pensiun-bpjs-ketenagakerjaan-dengan-anak-sebagai-ahli-waris",
    status: "SECONDARY",
  },
  jkp3Bulan: {
    title: "Manfaat JKP hilang bila tidak diajukan 3 bulan sejak PHK, telah bekerja, atau meninggal; 12 bulan iur dalam 24 bulan dengan 6 bulan berturut-turut; komitmen bekerja; bukti PHK (\"dikutip dari laman resmi BPJS Ketenagakerjaan\", star.grid.id)",
    url: "https://star.grid.id/read/453690379/manfaat-klaim-jkp-bpjs-ketenagakerjaan-bisa-melayang-jika-sudah-lewat-3-bulan-phk-cek-syaratnya-di-sini",
    status: "SECONDARY",
  },
  pp6_2025Pasal40: {
    title: "PP 6/2025 pasal 40: hak atas manfaat JKP hilang bila tidak diajukan dalam 6 bulan sejak PHK (sebelumnya 3 bulan), telah mendapat pekerjaan, atau meninggal; pasal 19: PKWTT maupun PKWT; pasal 39A: tetap dibayar bila perusahaan pailit/tutup dan menunggak iuran paling lama 6 bulan (economy.okezone.com 17-02-2025; pintoe.co; sumbar.suara.com 16-02-2025)",
    url: "https://economy.okezone.com/read/2025/02/17/320/3114365/aturan-terbaru-untuk-korban-phk-dijamin-60-gaji-selama-6-bulan?page=2",
    status: "SECONDARY",
  },
  jkpKepesertaan: {
    title: "Syarat peserta JKP: WNI, belum 54 tahun saat mendaftar, ikut JKK, JKM, JHT (dan JP untuk usaha menengah/besar), masa iur 12 bulan dalam 24 bulan dengan 6 bulan berturut-turut (BPJS Ketenagakerjaan Palembang via palpos.disway.id; docs/domain/manfaat.md)",
    url: "https://palpos.disway.id/amp/641284/kabar-gembira-pekerja-di-phk-tapi-tetap-dapat-gaji-selama-6-bulan-begini-persyaratannya/16",
    status: "SECONDARY",
  },
  kanal: { title: "Kantor cabang BPJS Ketenagakerjaan: daftar kantor dan layanannya (kanalLayanan, docs/domain/kanal-layanan.md)", url: null, status: "SECONDARY" },
} satisfies Record<string, SourceData>;

// ---- shared pieces ----
const KANTOR_CABANG = (program: string, service: KanalServiceCode, sources: SourceData[]): ChannelData => ({
  kind: "KANTOR_CABANG",
  name: "Kantor cabang BPJS Ketenagakerjaan",
  url: null,
  when: "Selalu dapat; bawa dokumen asli",
  steps: [
    "Cari kantor cabang terdekat (Kanal Layanan) dan, bila tersedia, pesan antrean",
    "Isi formulir dan lengkapi dokumen",
    `Ambil nomor antrean untuk klaim ${program}`,
    "Tunggu dipanggil petugas, lalu verifikasi data dan berkas",
    "Terima tanda terima klaim dan isi e-survey",
    "Manfaat dibayar ke rekening",
  ],
  needsBranchVisit: true,
  kanalService: service,
  sources: [S.seed003, ...sources, S.kanal],
});

const KARTU_KTP_KK: DocumentData[] = [
  { code: "KARTU_PESERTA", name: "Kartu peserta BPJS Ketenagakerjaan (KPJ)", forClaim: null, note: "Kartu digital dari JMO dapat ditunjukkan", sources: [S.jkmDokumen, S.jpDokumen, S.jkkDokumen] },
  { code: "KTP", name: "e-KTP peserta", forClaim: null, note: null, sources: [S.jkmDokumen, S.jpDokumen, S.jkkDokumen] },
];

const JKP_2021: ClaimProgramVersion = {
  program: "JKP",
  name: "Jaminan Kehilangan Pekerjaan",
  summary: "Pekerja penerima upah yang terkena PHK mengajukan JKP di SIAPkerja (Kemnaker) paling lambat 3 bulan sejak PHK; bulan ke-2 sampai ke-6 setelah asesmen diri dan aktivitas mencari kerja.",
  from: "2021-02-02",
  regulation: "PP 37/2021",
  jkp: { minMonthsPaid: 12, windowMonths: 24, consecutiveMonths: 6, claimWithinMonths: 3, maxAgeAtRegistration: 54 },
  claimants: [{ rank: 1, who: "Peserta penerima upah (WNI) yang terkena PHK", when: "PHK, bukan mengundurkan diri, pensiun, cacat total tetap, meninggal, atau PKWT yang berakhir sesuai kontrak", sources: [S.jkpSyarat, S.jkp3Bulan] }],
  conditions: [
    { code: "JKP_PHK", text: "PHK dilaporkan dengan bukti; bukan mengundurkan diri, pensiun, cacat total tetap, meninggal, atau PKWT yang berakhir sesuai jangka waktunya", sources: [S.jkpSyarat] },
    { code: "JKP_MASA_IUR", text: "Masa iur paling sedikit 12 bulan dalam 24 bulan, dengan 6 bulan berturut-turut sebelum PHK", sources: [S.jkpSyarat, S.jkp3Bulan, S.jkpKepesertaan] },
    { code: "JKP_TIDAK_BEKERJA", text: "Tidak sedang bekerja sebagai penerima upah; pemberi kerja sudah melaporkan status nonaktif", sources: [S.jkpSyarat] },
    { code: "JKP_BATAS_3_BULAN", text: "Diajukan paling lambat 3 bulan sejak PHK; lewat dari itu hak atas manfaat hilang", sources: [S.jkp3Bulan, S.jkpSyarat] },
    { code: "JKP_KOMITMEN", text: "Bersedia bekerja kembali: menandatangani Komitmen Aktivitas Pencarian Kerja (KAPK)", sources: [S.jkpSyarat, S.seed003] },
    { code: "JKP_KEPESERTAAN", text: "WNI, belum 54 tahun saat mendaftar, ikut JKK, JKM, JHT (dan JP untuk usaha menengah dan besar)", sources: [S.jkpKepesertaan] },
  ],
  documents: [
    { code: "KTP", name: "NIK/e-KTP (akun SIAPkerja)", forClaim: null, note: null, sources: [S.jkpSyarat] },
    { code: "BUKTI_PHK", name: "Bukti PHK: surat PHK dari pemberi kerja, perjanjian bersama, atau putusan pengadilan hubungan industrial", forClaim: null, note: "Diunggah saat melaporkan PHK di SIAPkerja", sources: [S.jkpSyarat, S.pp37] },
    { code: "BUKU_TABUNGAN", name: "Rekening bank atas nama peserta", forClaim: null, note: null, sources: [S.seed003, S.jkpSyarat] },
    { code: "KAPK", name: "Komitmen Aktivitas Pencarian Kerja (KAPK), ditandatangani di SIAPkerja", forClaim: null, note: null, sources: [S.seed003, S.jkpSyarat] },
  ],
  channels: [
    {
      kind: "SIAP_KERJA",
      name: "SIAPkerja (Kementerian Ketenagakerjaan)",
      url: SIAP_KERJA_URL,
      when: "Satu-satunya jalur klaim JKP",
      steps: [
        "Masuk ke siapkerja.kemnaker.go.id",
        "Laporkan PHK (atau pastikan pemberi kerja sudah melaporkannya) dengan buktinya",
        "Pilih Ajukan Klaim: isi data diri dan rekening, tandatangani KAPK",
        "Tunggu validasi BPJS Ketenagakerjaan dan email bahwa manfaat diproses",
        "Bulan ke-2 sampai ke-6: asesmen diri, lamar kerja (paling sedikit 5 perusahaan atau 1 wawancara), konseling dan pelatihan, lalu ajukan klaim bulan berikutnya",
      ],
      needsBranchVisit: false,
      kanalService: null,
      sources: [S.seed003, S.jkpSyarat],
    },
  ],
};

// PP 6/2025 (from 2025-02-07): the claim deadline becomes 6 months; PKWT and PKWTT both covered; paid even when a
// bankrupt or closed employer owes up to 6 months of contributions. Everything else as in PP 37/2021.
const JKP_2025: ClaimProgramVersion = {
  ...JKP_2021,
  from: "2025-02-07",
  regulation: "PP 37/2021 jo. PP 6/2025",
  summary: "Pekerja penerima upah yang terkena PHK mengajukan JKP di SIAPkerja (Kemnaker) paling lambat 6 bulan sejak PHK; bulan ke-2 sampai ke-6 setelah asesmen diri dan aktivitas mencari kerja.",
  jkp: { ...JKP_2021.jkp!, claimWithinMonths: 6 },
  claimants: [{ ...JKP_2021.claimants[0]!, who: "Peserta penerima upah (WNI, PKWTT maupun PKWT) yang terkena PHK", sources: [S.jkpSyarat, S.pp6_2025Pasal40] }],
  conditions: JKP_2021.conditions.flatMap((c) =>
    c.code === "JKP_BATAS_3_BULAN"
      ? [
          { code: "JKP_BATAS_6_BULAN", text: "Diajukan paling lambat 6 bulan sejak PHK; lewat dari itu, atau setelah mendapat pekerjaan, hak atas manfaat hilang", sources: [S.pp6_2025Pasal40] },
          { code: "JKP_PERUSAHAAN_PAILIT", text: "Perusahaan pailit atau tutup yang menunggak iuran paling lama 6 bulan: manfaat tetap dibayar", sources: [S.pp6_2025Pasal40] },
        ]
      : [c],
  ),
};

export const CLAIM_PROGRAM_VERSIONS: readonly ClaimProgramVersion[] = [
  {
    program: "JKM",
    name: "Jaminan Kematian",
    summary:
      "Santunan JKM diajukan oleh ahli waris setelah peserta meninggal dunia bukan karena kecelakaan kerja; peserta sendiri tidak pernah mengajukannya. Ahli waris mengajukan di kantor cabang melalui Lapak Asik.",
    from: "2019-12-02",
    regulation: "PP 44/2015 pasal 40 jo. PP 82/2019; Permenaker 5/2021",
    jkm: { beasiswaMinMonths: 36 },
    claimants: [
      { rank: 1, who: "Janda, duda, atau anak", when: "Ahli waris utama", sources: [S.pp44Ahliwaris] },
      { rank: 2, who: "Keturunan sedarah menurut garis lurus ke atas dan ke bawah sampai derajat kedua (orang tua, kakek/nenek, cucu)", when: "Bila tidak ada janda, duda, atau anak", sources: [S.pp44Ahliwaris] },
      { rank: 3, who: "Saudara kandung", when: "Bila tidak ada ahli waris urutan sebelumnya", sources: [S.pp44Ahliwaris] },
      { rank: 4, who: "Mertua", when: "Bila tidak ada ahli waris urutan sebelumnya", sources: [S.pp44Ahliwaris] },
      { rank: 5, who: "Pihak yang ditunjuk dalam wasiat peserta", when: "Bila tidak ada ahli waris urutan sebelumnya", sources: [S.pp44Ahliwaris] },
      {
        rank: 6,
        who: "Perusahaan atau pihak lain yang mengurus pemakaman (biaya pemakaman saja)",
        when: "Bila tidak ada wasiat; santunan sekaligus dan berkala diserahkan ke Dana Jaminan Sosial",
        sources: [S.pp44Ahliwaris],
      },
    ],
    conditions: [
      { code: "JKM_BUKAN_KECELAKAAN_KERJA", text: "Peserta meninggal dunia bukan akibat kecelakaan kerja (meninggal karena kecelakaan kerja diklaim sebagai JKK)", sources: [S.pp44Ahliwaris, S.seed003] },
      { code: "JKM_BEASISWA_3_TAHUN", text: "Beasiswa untuk paling banyak 2 anak bila masa iur peserta paling sedikit 3 tahun", sources: [S.beasiswa, S.pp82] },
      { code: "JKM_DIBAYAR_3_HARI_KERJA", text: "Dibayar paling lama 3 hari kerja sejak permohonan lengkap dengan surat keterangan kematian, surat keterangan ahli waris dan kartu peserta", sources: [S.pp44Ahliwaris] },
    ],
    documents: [
      ...KARTU_KTP_KK.map((d) => (d.code === "KTP" ? { ...d, name: "e-KTP peserta (almarhum/almarhumah) dan e-KTP ahli waris" } : d)),
      { code: "AKTA_KEMATIAN", name: "Akta kematian atau surat keterangan kematian dari pejabat berwenang", forClaim: null, note: "Diterbitkan Dinas Dukcapil; surat keterangan dari rumah sakit atau kelurahan", sources: [S.pp44Ahliwaris, S.jkmDokumen] },
      { code: "KK", name: "Kartu Keluarga", forClaim: null, note: null, sources: [S.jkmDokumen] },
      { code: "SURAT_KETERANGAN_AHLI_WARIS", name: "Surat keterangan ahli waris dari pejabat berwenang (kelurahan/desa, diketahui camat)", forClaim: null, note: null, sources: [S.pp44Ahliwaris, S.jkmDokumen, S.jkmDokumen2020] },
      { code: "BUKU_NIKAH", name: "Buku nikah", forClaim: "Ahli waris janda atau duda", note: null, sources: [S.jkmDokumen] },
      { code: "BUKU_TABUNGAN", name: "Buku tabungan ahli waris", forClaim: null, note: "Santunan dibayar ke rekening ahli waris", sources: [S.jkmDokumen, S.seed003] },
      { code: "NPWP", name: "NPWP ahli waris", forClaim: "Bila manfaat lebih dari Rp50 juta", note: null, sources: [S.jkmDokumen, S.jkmDokumen2020] },
      { code: "SURAT_KETERANGAN_SEKOLAH", name: "Surat keterangan sekolah atau kartu pelajar anak", forClaim: "Beasiswa pendidikan anak", note: null, sources: [S.beasiswa] },
    ],
    channels: [
      {
        kind: "LAPAK_ASIK",
        name: "Lapak Asik di kantor cabang",
        url: LAPAK_ASIK_URL,
        when: "Ahli waris datang ke kantor cabang; pengajuan diisi di Lapak Asik dengan GPS di lokasi kantor",
        steps: [
          "Datang ke kantor cabang terdekat",
          "Pindai kode QR di kantor cabang dan aktifkan GPS",
          "Pilih program JKM di halaman utama Lapak Asik dan hubungan dengan peserta",
          "Isi data ahli waris (pemohon) dan data tenaga kerja",
          "Unggah dokumen persyaratan",
          "Tunjukkan notifikasi pengajuan kepada petugas untuk nomor antrean, lalu verifikasi",
          "Terima tanda terima; santunan dibayar ke rekening ahli waris",
        ],
        needsBranchVisit: true,
        kanalService: "KLAIM_JKK_JKM",
        sources: [S.seed003, S.jkmDokumen],
      },
      KANTOR_CABANG("JKM", "KLAIM_JKK_JKM", [S.jkmDokumen2020]),
    ],
  },
  {
    program: "JKK",
    name: "Jaminan Kecelakaan Kerja",
    summary:
      "Kecelakaan kerja (termasuk perjalanan pergi dan pulang kerja) atau penyakit akibat kerja: pemberi kerja melapor dalam 2×24 jam, peserta dirawat tanpa biaya di PLKK/trauma center, santunan diajukan di kantor cabang. Peserta dengan kartu AKTIF dapat melapor sendiri di JMO.",
    from: "2019-12-02",
    regulation: "PP 44/2015 jo. PP 82/2019; Permenaker 5/2021",
    claimants: [
      { rank: 1, who: "Peserta yang mengalami kecelakaan kerja atau penyakit akibat kerja (melalui pemberi kerja; BPU melalui wadah atau sendiri)", when: "Selama kartu AKTIF saat kejadian", sources: [S.laporanKk, S.jkkProsedur] },
      { rank: 2, who: "Ahli waris peserta (urutan seperti JKM)", when: "Bila peserta meninggal karena kecelakaan kerja", sources: [S.pp44Ahliwaris, S.pp82] },
    ],
    conditions: [
      { code: "JKK_LAPORAN_TAHAP_I", text: "Pemberi kerja melaporkan kecelakaan (laporan tahap I) ke BPJS Ketenagakerjaan dan Disnaker paling lama 2×24 jam sejak kejadian", sources: [S.laporanKk, S.jkkProsedur] },
      { code: "JKK_LAPORAN_TAHAP_II", text: "Laporan tahap II paling lama 2×24 jam sejak dokter menyatakan sembuh, cacat, atau meninggal", sources: [S.jkkProsedur] },
      { code: "JKK_KARTU_AKTIF", text: "Kepesertaan AKTIF saat kejadian (BPU: iuran terbayar)", sources: [S.pp82, S.domain] },
    ],
    documents: [
      ...KARTU_KTP_KK,
      { code: "LAPORAN_TAHAP_I", name: "Formulir 3 KK1: laporan kasus kecelakaan kerja tahap I", forClaim: null, note: "Diisi pemberi kerja (atau laporan peserta di JMO)", sources: [S.laporanKk, S.jkkDokumen] },
      { code: "LAPORAN_TAHAP_II", name: "Formulir 3a KK2: laporan kasus kecelakaan kerja tahap II", forClaim: null, note: null, sources: [S.jkkDokumen, S.jkkProsedur] },
      { code: "SURAT_KETERANGAN_DOKTER", name: "Formulir 3b KK3: surat keterangan dokter yang merawat atau dokter penasehat", forClaim: null, note: null, sources: [S.jkkDokumen, S.jkkProsedur] },
      { code: "KRONOLOGIS", name: "Kronologis kejadian, dengan 2 saksi", forClaim: null, note: null, sources: [S.jkkDokumen, S.jkkProsedur] },
      { code: "ABSENSI", name: "Daftar hadir (absensi) bulan kejadian", forClaim: null, note: null, sources: [S.jkkDokumen, S.jkkProsedur] },
      { code: "LAPORAN_POLISI", name: "Laporan polisi atau surat jaminan Jasa Raharja", forClaim: "Kecelakaan lalu lintas atau di luar lokasi kerja", note: null, sources: [S.jkkProsedur] },
      { code: "SURAT_TUGAS", name: "Surat tugas atau surat perintah lembur", forClaim: "Kecelakaan saat tugas di luar atau di luar jam kerja", note: null, sources: [S.jkkProsedur] },
      { code: "KUITANSI", name: "Kuitansi asli pengangkutan, pengobatan dan perawatan", forClaim: "Penggantian biaya (fasilitas belum bekerja sama)", note: null, sources: [S.jkkDokumen] },
    ],
    channels: [
      {
        kind: "PEMBERI_KERJA",
        name: "Melalui pemberi kerja",
        url: null,
        when: "Setiap kecelakaan kerja",
        steps: [
          "Pemberi kerja melaporkan kecelakaan (laporan tahap I) paling lama 2×24 jam",
          "Peserta dirawat di PLKK/trauma center tanpa biaya",
          "Setelah dokter menyatakan sembuh, cacat atau meninggal, pemberi kerja mengirim laporan tahap II dengan dokumen",
        ],
        needsBranchVisit: false,
        kanalService: null,
        sources: [S.laporanKk, S.jkkProsedur],
      },
      {
        kind: "JMO",
        name: "Lapor Kecelakaan Kerja di JMO",
        url: null,
        when: "Peserta dengan kartu AKTIF melaporkan sendiri",
        steps: ["Buka Lapor Kecelakaan Kerja", "Isi waktu, tempat, kejadian, cedera, perawatan dan saksi", "Ikuti status laporan sampai ditindaklanjuti"],
        needsBranchVisit: false,
        kanalService: null,
        sources: [S.laporanKk],
      },
      KANTOR_CABANG("JKK", "KLAIM_JKK_JKM", [S.jkkDokumen]),
    ],
  },
  {
    program: "JP",
    name: "Jaminan Pensiun",
    summary:
      "Pensiun hari tua sejak usia pensiun (bulanan bila masa iur paling sedikit 15 tahun, selain itu sekaligus), pensiun cacat, atau pensiun janda/duda, anak, dan orang tua untuk ahli waris. Diajukan di kantor cabang atau Lapak Asik.",
    from: "2015-07-01",
    regulation: "PP 45/2015; Permenaker 29/2015",
    jp: { monthlyPensionMinMonths: 180, deferMaxYears: 3 },
    claimants: [
      { rank: 1, who: "Peserta yang mencapai usia pensiun (pensiun hari tua)", when: "Usia pensiun tahun itu (57 pada 2019, +1 setiap 3 tahun sampai 65); masih bekerja: saat berhenti, paling lama 3 tahun setelah usia pensiun", sources: [S.pp45Pasal15, S.pp45] },
      { rank: 1, who: "Peserta yang mengalami cacat total tetap (pensiun cacat)", when: "Sebelum usia pensiun", sources: [S.pp45Pasal15, S.jpDokumen] },
      { rank: 2, who: "Janda atau duda peserta", when: "Peserta atau penerima pensiun meninggal dunia", sources: [S.pp45Pasal15, S.permenaker29_2015] },
      { rank: 3, who: "Anak peserta", when: "Tidak ada janda/duda, atau janda/duda meninggal atau menikah lagi", sources: [S.pp45Pasal15, S.jpAnak] },
      { rank: 4, who: "Orang tua peserta", when: "Peserta lajang yang meninggal dunia", sources: [S.pp45Pasal15] },
    ],
    conditions: [
      { code: "JP_USIA_PENSIUN", text: "Pensiun hari tua mulai usia pensiun: 56 sampai 2018, 57 pada 2019, bertambah 1 tahun setiap 3 tahun sampai 65 (2043)", sources: [S.pp45Pasal15] },
      { code: "JP_15_TAHUN", text: "Masa iur paling sedikit 15 tahun (180 bulan): manfaat bulanan seumur hidup; kurang dari itu: akumulasi iuran dan hasil pengembangannya dibayar sekaligus", sources: [S.pp45] },
      { code: "JP_JANDA_DUDA_15_TAHUN", text: "Peserta meninggal sebelum usia pensiun dengan masa iur kurang dari 15 tahun: pensiun janda/duda tetap bulanan bila kepesertaan paling singkat 1 tahun dan kepadatan iuran paling sedikit 80%, selain itu sekaligus", sources: [S.permenaker29_2015] },
    ],
    documents: [
      ...KARTU_KTP_KK,
      { code: "FORMULIR_7", name: "Formulir 7 (formulir JP) yang diisi lengkap", forClaim: null, note: "Di kantor cabang atau situs BPJS Ketenagakerjaan", sources: [S.jpDokumen] },
      { code: "KK", name: "Kartu Keluarga", forClaim: null, note: null, sources: [S.jpDokumen] },
      { code: "SURAT_DOKTER_CACAT", name: "Surat keterangan dokter yang menyatakan cacat total tetap", forClaim: "Pensiun cacat", note: null, sources: [S.jpDokumen] },
      { code: "SURAT_PEMBERI_KERJA_CACAT", name: "Surat keterangan tidak mampu bekerja karena cacat dari pemberi kerja", forClaim: "Pensiun cacat", note: null, sources: [S.jpDokumen] },
      { code: "BUKU_NIKAH", name: "Surat nikah", forClaim: "Pensiun janda/duda", note: null, sources: [S.jpDokumen] },
      { code: "AKTA_KEMATIAN", name: "Surat keterangan kematian dari kelurahan/desa atau fasilitas kesehatan", forClaim: "Pensiun janda/duda, anak, orang tua", note: null, sources: [S.jpDokumen, S.jpAnak] },
      { code: "SURAT_KETERANGAN_AHLI_WARIS", name: "Surat keterangan ahli waris dari pejabat berwenang", forClaim: "Pensiun janda/duda, anak, orang tua", note: null, sources: [S.jpDokumen, S.jpAnak] },
      { code: "SURAT_WALI", name: "Surat keterangan wali dan KTP wali", forClaim: "Pensiun anak di bawah 18 tahun", note: null, sources: [S.jpAnak] },
      { code: "BUKU_TABUNGAN", name: "Buku tabungan penerima", forClaim: null, note: "Manfaat dibayar ke rekening", sources: [S.seed003] },
    ],
    channels: [
      KANTOR_CABANG("JP", "KLAIM_JP", [S.jpDokumen]),
      {
        kind: "LAPAK_ASIK",
        name: "Lapak Asik (daring)",
        url: LAPAK_ASIK_URL,
        when: "Tanpa datang ke kantor cabang: unggah dokumen, lalu wawancara video",
        steps: ["Buka Lapak Asik", "Isi NIK, nama dan nomor kepesertaan", "Unggah dokumen dan foto diri", "Ikuti wawancara video sesuai jadwal di email", "Manfaat dibayar ke rekening"],
        needsBranchVisit: false,
        kanalService: null,
        sources: [S.seed003, S.jpDokumen],
      },
    ],
  },
  JKP_2021,
  JKP_2025,
];

export const CLAIM_PROGRAM_SOURCES = S;
