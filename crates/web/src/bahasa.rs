//! The user's language and the message catalogue: one table with Indonesian and English side by
//! side, so a text cannot exist in one language only.

use std::collections::HashMap;
use std::sync::OnceLock;

use serde::Deserialize;

/// Interface language: Indonesian by default, English on request.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Deserialize)]
pub enum Bahasa {
    /// Bahasa Indonesia.
    #[default]
    #[serde(rename = "id")]
    Indonesia,
    /// English.
    #[serde(rename = "en")]
    Inggris,
}

impl Bahasa {
    /// BCP 47 tag for `<html lang>`.
    pub fn tag(self) -> &'static str {
        match self {
            Self::Indonesia => "id",
            Self::Inggris => "en",
        }
    }

    /// The other language (for the switch link).
    pub fn lain(self) -> Self {
        match self {
            Self::Indonesia => Self::Inggris,
            Self::Inggris => Self::Indonesia,
        }
    }

    /// The text for `kunci` in this language (the key itself if unknown, so a gap is visible).
    pub fn t(self, kunci: &str) -> &'static str {
        static INDEX: OnceLock<HashMap<&'static str, (&'static str, &'static str)>> =
            OnceLock::new();
        let index =
            INDEX.get_or_init(|| PESAN.iter().map(|(k, id, en)| (*k, (*id, *en))).collect());
        match index.get(kunci) {
            Some((id, en)) => match self {
                Self::Indonesia => id,
                Self::Inggris => en,
            },
            None => {
                tracing::warn!(kunci, "missing message");
                "?"
            }
        }
    }

    /// One of two texts, built only for the language in use (domain types carry their
    /// Indonesian text as `Display` and their English one as `pesan_en`).
    pub fn pilih(self, id: impl FnOnce() -> String, en: impl FnOnce() -> String) -> String {
        match self {
            Self::Indonesia => id(),
            Self::Inggris => en(),
        }
    }

    /// From a cookie or query value ("id"/"en").
    pub fn dari_kode(kode: &str) -> Option<Self> {
        match kode {
            "id" => Some(Self::Indonesia),
            "en" => Some(Self::Inggris),
            _ => None,
        }
    }
}

/// `?lang=` query parameter.
#[derive(Debug, Default, Deserialize)]
pub struct PilihanBahasa {
    /// Chosen language.
    pub lang: Option<Bahasa>,
}

/// (key, Indonesian, English).
pub const PESAN: &[(&str, &str, &str)] = &[
    (
        "subjudul",
        "Sistem Informasi ASN",
        "Civil Service Information System",
    ),
    (
        "deskripsi",
        "Tempat instansi dan BKN mengelola, memverifikasi, dan menindaklanjuti data kepegawaian ASN, serta portal layanan mandiri bagi setiap PNS dan PPPK.",
        "Where agencies and BKN keep, verify and act on civil servants' personnel data, and the self-service portal for every PNS and PPPK.",
    ),
    ("status", "Status layanan", "Service status"),
    ("basis_data_siap", "Basis data siap", "Database ready"),
    (
        "basis_data_gagal",
        "Basis data tidak dapat dihubungi",
        "Database not reachable",
    ),
    ("instansi", "Instansi terdaftar", "Registered agencies"),
    ("mesin", "Penyimpanan", "Storage"),
    ("ganti_bahasa", "English", "Bahasa Indonesia"),
    (
        "tidak_ditemukan",
        "Halaman tidak ditemukan",
        "Page not found",
    ),
    (
        "tidak_ditemukan_teks",
        "Alamat yang Anda buka tidak ada.",
        "The address you opened does not exist.",
    ),
    ("kembali", "Kembali ke beranda", "Back to home"),
    (
        "galat_server",
        "Terjadi kesalahan di server. Silakan coba lagi.",
        "Something went wrong on the server. Please try again.",
    ),
    ("masuk", "Masuk", "Sign in"),
    ("keluar", "Keluar", "Sign out"),
    (
        "nip_atau_pengguna",
        "NIP atau nama pengguna",
        "NIP or user name",
    ),
    ("kata_sandi", "Kata sandi", "Password"),
    ("ingat_saya", "Ingat saya", "Remember me"),
    ("lupa_sandi", "Lupa kata sandi?", "Forgot your password?"),
    ("aktivasi", "Aktivasi akun", "Activate your account"),
    (
        "login_salah",
        "NIP/nama pengguna atau kata sandi salah.",
        "Wrong NIP/user name or password.",
    ),
    (
        "terlalu_sering",
        "Terlalu banyak percobaan. Coba lagi dalam {} detik.",
        "Too many attempts. Try again in {} seconds.",
    ),
    (
        "csrf_salah",
        "Formulir kedaluwarsa. Muat ulang halaman lalu coba lagi.",
        "The form has expired. Reload the page and try again.",
    ),
    ("lupa_judul", "Lupa kata sandi", "Forgotten password"),
    ("aktivasi_judul", "Aktivasi akun", "Account activation"),
    (
        "lupa_teks",
        "Masukkan NIP dan alamat e-mail yang terdaftar. Kami akan mengirim token ke e-mail tersebut.",
        "Enter your NIP and your registered e-mail address. We will send a token to that address.",
    ),
    ("email_terdaftar", "E-mail terdaftar", "Registered e-mail"),
    ("kirim_token", "Kirim token", "Send token"),
    (
        "token_dikirim",
        "Jika NIP dan e-mail tersebut cocok dengan data kami, token telah dikirim ke e-mail itu dan berlaku {} menit.",
        "If the NIP and e-mail match our records, a token has been sent to that address; it is valid for {} minutes.",
    ),
    (
        "token_tidak_datang",
        "Tidak menerima e-mail dalam 15 menit? Periksa folder spam, lalu hubungi unit kepegawaian (BKPSDM/Biro SDM) instansi Anda: hanya mereka yang dapat memperbaiki e-mail terdaftar.",
        "No e-mail within 15 minutes? Check your spam folder, then contact your agency's HR unit (BKPSDM/Biro SDM): only they can correct your registered e-mail.",
    ),
    (
        "sudah_punya_token",
        "Sudah punya token? Atur kata sandi",
        "Have a token? Set your password",
    ),
    ("atur_judul", "Atur kata sandi", "Set your password"),
    ("token", "Token dari e-mail", "Token from the e-mail"),
    ("sandi_baru", "Kata sandi baru", "New password"),
    (
        "ulangi_sandi",
        "Ulangi kata sandi baru",
        "Repeat the new password",
    ),
    ("simpan", "Simpan", "Save"),
    (
        "aturan_sandi",
        "Minimal {} karakter, dengan huruf besar dan angka; tidak memuat NIP, NIK, tanggal lahir, atau nama Anda.",
        "At least {} characters, with a capital letter and a digit; not containing your NIP, NIK, birth date or name.",
    ),
    (
        "token_salah",
        "Token salah, sudah dipakai, atau kedaluwarsa. Minta token baru bila perlu.",
        "The token is wrong, used or expired. Request a new one if needed.",
    ),
    (
        "sandi_tidak_sama",
        "Kedua kata sandi baru tidak sama.",
        "The two new passwords differ.",
    ),
    (
        "sandi_berhasil",
        "Kata sandi berhasil disimpan. Semua sesi lain telah diakhiri. Silakan masuk.",
        "Your password has been saved and every other session ended. Please sign in.",
    ),
    (
        "mfa_judul",
        "Verifikasi dua langkah",
        "Two-step verification",
    ),
    (
        "mfa_teks",
        "Masukkan kode 6 angka dari aplikasi autentikator, atau salah satu kode pemulihan.",
        "Enter the 6-digit code from your authenticator app, or one of your recovery codes.",
    ),
    ("kode", "Kode", "Code"),
    ("verifikasi", "Verifikasi", "Verify"),
    (
        "mfa_salah",
        "Kode tidak cocok. Periksa jam ponsel Anda dan coba lagi.",
        "The code does not match. Check your phone's clock and try again.",
    ),
    (
        "mfa_daftar_judul",
        "Aktifkan verifikasi dua langkah",
        "Turn on two-step verification",
    ),
    (
        "mfa_daftar_teks",
        "Pindai kode QR ini dengan aplikasi autentikator (mis. Google Authenticator, Microsoft Authenticator, Aegis), lalu masukkan kode 6 angka yang muncul.",
        "Scan this QR code with an authenticator app (e.g. Google Authenticator, Microsoft Authenticator, Aegis), then enter the 6-digit code it shows.",
    ),
    (
        "mfa_wajib",
        "Peran Anda mewajibkan verifikasi dua langkah.",
        "Your role requires two-step verification.",
    ),
    (
        "rahasia_manual",
        "Tidak bisa memindai? Masukkan kunci ini secara manual:",
        "Cannot scan? Enter this key by hand:",
    ),
    ("kode_pemulihan_judul", "Kode pemulihan", "Recovery codes"),
    (
        "kode_pemulihan_teks",
        "Simpan kode-kode ini di tempat aman. Masing-masing dapat dipakai sekali bila ponsel Anda hilang. Kode ini hanya ditampilkan sekarang.",
        "Keep these codes somewhere safe. Each works once if you lose your phone. They are shown only now.",
    ),
    ("lanjut", "Lanjut", "Continue"),
    ("beranda", "Beranda", "Home"),
    ("selamat_datang", "Selamat datang", "Welcome"),
    ("peran_anda", "Peran Anda", "Your roles"),
    ("sesi_saya", "Sesi aktif", "Active sessions"),
    ("sesi_ini", "sesi ini", "this session"),
    (
        "akhiri_sesi_lain",
        "Akhiri semua sesi lain",
        "End all other sessions",
    ),
    (
        "sesi_lain_diakhiri",
        "Sesi lain telah diakhiri.",
        "Other sessions have been ended.",
    ),
    ("dibuat", "Dibuat", "Created"),
    ("terakhir_aktif", "Terakhir aktif", "Last active"),
    ("perangkat", "Perangkat", "Device"),
    ("alamat_jaringan", "Alamat", "Address"),
    (
        "tidak_berwenang",
        "Anda tidak berwenang membuka halaman ini.",
        "You are not allowed to open this page.",
    ),
    ("admin_akun", "Akun petugas", "Staff accounts"),
    ("admin_klien", "Klien API", "API clients"),
    (
        "klien_penjelasan",
        "Sistem instansi (SIMPEG) dan lembaga mitra memakai API yang kompatibel dengan SIASN. Klien instansi hanya menjangkau pegawai instansinya; klien nasional hanya membaca.",
        "Agency systems (SIMPEG) and partner institutions use the SIASN-compatible API. An agency client reaches only its agency's employees; a national client only reads.",
    ),
    ("dokumentasi_api", "Dokumentasi API", "API documentation"),
    ("klien_dibuat", "Klien terdaftar.", "Client registered."),
    (
        "klien_rahasia_sekali",
        "Simpan consumer secret ini sekarang: hanya ditampilkan sekali dan tidak dapat dilihat lagi.",
        "Store this consumer secret now: it is shown only once and cannot be viewed again.",
    ),
    ("klien_nonaktif", "Nonaktif", "Disabled"),
    ("menit", "menit", "minute"),
    ("nonaktifkan", "Nonaktifkan", "Disable"),
    ("aktifkan", "Aktifkan", "Enable"),
    (
        "klien_baru",
        "Daftarkan klien baru",
        "Register a new client",
    ),
    ("nama_klien", "Nama klien", "Client name"),
    (
        "klien_nasional",
        "Nasional (hanya baca)",
        "National (read only)",
    ),
    ("lingkup", "Lingkup", "Scopes"),
    (
        "batas_per_menit",
        "Batas permintaan per menit",
        "Requests per minute",
    ),
    ("daftarkan", "Daftarkan", "Register"),
    (
        "klien_perlu_instansi",
        "Isi instansi, atau pilih nasional.",
        "Fill in the agency, or choose national.",
    ),
    (
        "klien_nasional_baca",
        "Klien nasional hanya membaca: lingkup «tulis» hanya untuk klien instansi.",
        "National clients only read: the «tulis» scope is for agency clients only.",
    ),
    (
        "klien_instansi_tidak_ada",
        "Instansi tidak dikenal.",
        "Unknown agency.",
    ),
    (
        "admin_pegawai",
        "Bantuan akun pegawai",
        "Employee account help",
    ),
    ("cari_nip", "Cari pegawai (NIP)", "Find an employee (NIP)"),
    ("cari", "Cari", "Search"),
    (
        "pegawai_tidak_ada",
        "Pegawai dengan NIP itu tidak ada dalam cakupan Anda.",
        "No employee with that NIP in your scope.",
    ),
    ("email_baru", "E-mail baru", "New e-mail"),
    ("alasan", "Alasan", "Reason"),
    (
        "perbaiki_email",
        "Perbaiki e-mail terdaftar",
        "Correct the registered e-mail",
    ),
    (
        "email_diubah",
        "E-mail terdaftar telah diubah; pemberitahuan dikirim ke alamat lama dan baru.",
        "The registered e-mail has been changed; both the old and the new address were notified.",
    ),
    (
        "reset_mfa",
        "Reset verifikasi dua langkah",
        "Reset two-step verification",
    ),
    (
        "mfa_direset",
        "Verifikasi dua langkah telah direset; pegawai mendaftar ulang saat masuk berikutnya.",
        "Two-step verification has been reset; the employee enrols again at next sign-in.",
    ),
    (
        "pengiriman_email",
        "Pengiriman e-mail terakhir",
        "Latest e-mail deliveries",
    ),
    ("status_kirim", "Status", "Status"),
    ("waktu", "Waktu", "Time"),
    ("subjek", "Subjek", "Subject"),
    (
        "alasan_wajib",
        "Alasan wajib diisi.",
        "A reason is required.",
    ),
    (
        "email_tidak_valid",
        "Alamat e-mail tidak valid.",
        "The e-mail address is not valid.",
    ),
    ("beri_peran", "Beri peran", "Grant a role"),
    ("peran", "Peran", "Role"),
    ("cabut", "Cabut", "Revoke"),
    (
        "login_pegawai",
        "NIP pegawai atau nama pengguna",
        "Employee NIP or user name",
    ),
    (
        "peran_diberikan",
        "Peran telah diberikan.",
        "The role has been granted.",
    ),
    (
        "peran_dicabut",
        "Peran telah dicabut.",
        "The role has been revoked.",
    ),
    (
        "akun_tidak_ada",
        "Akun atau pegawai tidak ditemukan dalam cakupan Anda.",
        "No such account or employee in your scope.",
    ),
    ("aktif", "Aktif", "Active"),
    ("belum_aktif", "Belum aktivasi", "Not activated"),
    (
        "input_terlalu_panjang",
        "Isian terlalu panjang.",
        "An entry is too long.",
    ),
    ("profil_saya", "Profil saya", "My profile"),
    ("dokumen_saya", "Dokumen saya", "My documents"),
    (
        "riwayat_akses",
        "Siapa melihat atau mengubah data saya",
        "Who saw or changed my data",
    ),
    ("data_utama", "Data utama", "Personal data"),
    (
        "tampilkan_sensitif",
        "Tampilkan nomor yang disamarkan",
        "Show the masked numbers",
    ),
    (
        "sensitif_tercatat",
        "Nomor sensitif ditampilkan; tindakan ini tercatat di log audit.",
        "Sensitive numbers are shown; this is recorded in the audit log.",
    ),
    ("belum_ada", "Belum ada data.", "Nothing recorded yet."),
    ("unduh", "Unduh", "Download"),
    ("oleh", "Oleh", "By"),
    ("tanggal_lahir", "Tanggal lahir", "Birth date"),
    ("tempat_lahir", "Tempat lahir", "Birth place"),
    ("jenis_kelamin", "Jenis kelamin", "Sex"),
    ("alamat", "Alamat", "Address"),
    ("golongan", "Golongan/pangkat", "Rank"),
    ("jabatan", "Jabatan", "Position"),
    ("unit", "Unit kerja", "Work unit"),
    ("jenis_pegawai", "Jenis pegawai", "Employee type"),
    ("kedudukan", "Kedudukan hukum", "Legal status"),
    ("tmt_cpns", "TMT CPNS", "TMT CPNS"),
    ("penugasan", "Penugasan", "Assignment"),
    ("sekolah", "Sekolah/perguruan tinggi", "School/university"),
    ("tahun_lulus", "Tahun lulus", "Year of graduation"),
    ("gelar", "Gelar", "Title"),
    ("jam", "Jam pelajaran", "Hours"),
    ("penyelenggara", "Penyelenggara", "Organiser"),
    ("nilai", "Nilai", "Score"),
    ("jenis_kp", "Jenis KP", "Promotion type"),
    ("masa_kerja", "Masa kerja golongan", "Service in rank"),
    ("tanggal_menikah", "Tanggal menikah", "Marriage date"),
    ("ayah", "ayah", "father"),
    ("ibu", "ibu", "mother"),
    ("sk", "SK", "Decree"),
    ("r.jabatan", "Riwayat jabatan", "Positions"),
    ("r.pendidikan", "Riwayat pendidikan", "Education"),
    ("r.diklat", "Riwayat diklat", "Leadership training"),
    ("r.kursus", "Riwayat kursus", "Courses"),
    ("r.skp", "SKP (sampai 2021)", "Appraisals (to 2021)"),
    ("r.skp22", "SKP (sejak 2022)", "Appraisals (from 2022)"),
    ("r.penghargaan", "Penghargaan", "Awards"),
    ("r.golongan", "Riwayat golongan", "Ranks"),
    ("r.pasangan", "Pasangan", "Spouse"),
    ("r.anak", "Anak", "Children"),
    ("r.orang_tua", "Orang tua", "Parents"),
    ("r.pmk", "Peninjauan masa kerja", "Service review (PMK)"),
    ("r.pindah_instansi", "Pindah instansi", "Agency transfers"),
    ("r.cltn", "CLTN", "Unpaid leave (CLTN)"),
    ("r.cpns_pns", "SK CPNS/PNS", "Appointment decrees"),
    ("r.organisasi", "Organisasi", "Organisations"),
    (
        "r.hukuman_disiplin",
        "Hukuman disiplin",
        "Disciplinary penalties",
    ),
    ("r.angka_kredit", "Angka kredit", "Credit points"),
    ("r.gaji", "Riwayat gaji", "Salary"),
    (
        "lihat_pegawai",
        "Data pegawai (hanya baca)",
        "Employee record (read only)",
    ),
    ("instansi_kerja", "Instansi", "Agency"),
    ("pemberitahuan", "Pemberitahuan", "Notices"),
    (
        "kp_memenuhi",
        "Memenuhi syarat kenaikan pangkat reguler periode {}.",
        "Eligible for regular promotion in the period of {}.",
    ),
    (
        "kp_belum",
        "Belum memenuhi syarat kenaikan pangkat reguler periode {}:",
        "Not yet eligible for regular promotion in the period of {}:",
    ),
    (
        "pensiun_dekat",
        "Pensiun dalam 2 tahun: TMT pensiun {}.",
        "Retirement within 2 years: effective {}.",
    ),
    ("kelengkapan", "Kelengkapan data", "Data completeness"),
    (
        "data_lengkap",
        "Data Anda lengkap.",
        "Your record is complete.",
    ),
    ("kinerja", "Kinerja (SKP)", "Performance (SKP)"),
    ("kompetensi", "Kompetensi", "Competence"),
    ("tahun", "Tahun", "Year"),
    ("predikat", "Predikat", "Rating"),
    (
        "diklat_tertinggi",
        "Diklat kepemimpinan tertinggi",
        "Highest leadership training",
    ),
    (
        "jam_per_tahun",
        "Jam pelatihan per tahun",
        "Training hours per year",
    ),
    ("jam_singkat", "jam", "hours"),
    ("hasil_kerja", "Hasil kerja:", "Results:"),
    ("perilaku_kerja", "Perilaku:", "Behaviour:"),
    ("di_atas", "di atas ekspektasi", "above expectation"),
    ("sesuai", "sesuai ekspektasi", "as expected"),
    ("di_bawah", "di bawah ekspektasi", "below expectation"),
    ("cari_pegawai", "Cari pegawai", "Find employees"),
    (
        "nip_atau_nama",
        "NIP, awal NIP, atau nama",
        "NIP, start of a NIP, or name",
    ),
    ("jenis_jabatan", "Jenis jabatan", "Position type"),
    (
        "tidak_ada_hasil",
        "Tidak ada pegawai yang cocok dalam cakupan Anda.",
        "No matching employee in your scope.",
    ),
    ("berikutnya", "Halaman berikutnya", "Next page"),
    ("ajukan", "Ajukan", "Submit"),
    (
        "ajukan_baris_sah",
        "Ajukan baris yang sah",
        "Submit the valid rows",
    ),
    ("aksi_hapus", "Hapus", "Remove"),
    ("aksi_tambah", "Tambah", "Add"),
    ("aksi_ubah", "Koreksi", "Correct"),
    ("alasan_bts", "Alasan dikembalikan", "Reason for return"),
    ("alasan_hapus", "Alasan penghapusan", "Reason for removal"),
    (
        "alasan_hapus_wajib",
        "Alasan penghapusan wajib diisi.",
        "A reason for the removal is required.",
    ),
    (
        "alasan_keputusan",
        "Alasan (wajib untuk menolak atau mengembalikan)",
        "Reason (required to reject or return)",
    ),
    (
        "antrean_bkn",
        "Antrean verifikasi BKN",
        "BKN verification queue",
    ),
    (
        "antrean_instansi",
        "Antrean verifikasi instansi",
        "Agency verification queue",
    ),
    (
        "antrean_kosong",
        "Tidak ada usulan yang menunggu.",
        "No proposals are waiting.",
    ),
    (
        "atau_csv",
        "Atau unggah CSV (kolom nip dan nilai per pegawai)",
        "Or upload a CSV (column nip and values per employee)",
    ),
    ("bagian_data", "Bagian data", "Data section"),
    ("baris_sah", "baris sah", "rows valid"),
    ("baru", "Baru", "New"),
    ("batalkan_usulan", "Batalkan usulan", "Withdraw proposal"),
    ("belum_ada_usulan", "Belum ada usulan.", "No proposals yet."),
    ("berkas", "Berkas", "File"),
    (
        "berkas_terlalu_besar",
        "Berkas melebihi batas {} MB; tidak ada yang disimpan.",
        "A file exceeds the {} MB limit; nothing was saved.",
    ),
    (
        "bukan_pengusul",
        "Hanya pengusul yang dapat melakukan ini.",
        "Only the proposer can do this.",
    ),
    (
        "bukan_verifikator",
        "Anda bukan verifikator tahap ini untuk pegawai tersebut.",
        "You are not a verifier of this stage for this employee.",
    ),
    ("catatan", "Catatan", "Note"),
    (
        "csv_bukan_teks",
        "Berkas CSV harus berupa teks UTF-8.",
        "The CSV file must be UTF-8 text.",
    ),
    (
        "csv_dipakai",
        "CSV yang diunggah sebelumnya dipakai lagi.",
        "The CSV uploaded before is used again.",
    ),
    (
        "daftar_nip",
        "Daftar NIP (satu per baris)",
        "List of NIPs (one per line)",
    ),
    ("data", "Data", "Data"),
    ("ditolak_baris", "Tidak sah", "Invalid"),
    (
        "dokumen_bermasalah",
        "Dokumen yang harus diganti (untuk pengembalian):",
        "Documents to replace (for a return):",
    ),
    (
        "dokumen_berubah",
        "isi berubah sejak diajukan",
        "content changed since submission",
    ),
    (
        "dokumen_pendukung",
        "Dokumen pendukung",
        "Supporting documents",
    ),
    (
        "dokumen_wajib_kurang",
        "Dokumen pendukung yang diwajibkan belum dilampirkan.",
        "The required supporting document is not attached.",
    ),
    (
        "dokumen_wajib_salah_satu",
        "Wajib melampirkan salah satu",
        "Attach at least one of",
    ),
    (
        "form_tidak_valid",
        "Isian formulir tidak valid.",
        "The form is not valid.",
    ),
    (
        "format_berkas",
        "PDF, JPEG atau PNG, paling besar",
        "PDF, JPEG or PNG, at most",
    ),
    ("ganti_jenis", "Ganti jenis", "Change kind"),
    ("hari", "hari", "days"),
    (
        "hasil_keputusan",
        "Hasil keputusan per pegawai",
        "Outcome per employee",
    ),
    (
        "item_dapat_diputus",
        "usulan dapat Anda putuskan sekaligus.",
        "proposals you can decide at once.",
    ),
    ("jenis_dokumen", "Jenis dokumen", "Document type"),
    (
        "jenis_dokumen_wajib",
        "pilih jenis dokumennya",
        "choose its document type",
    ),
    ("jenis_usulan", "Jenis usulan", "Proposal kind"),
    (
        "judul_kolektif",
        "Judul (mis. nomor SK penataan organisasi)",
        "Title (e.g. the reorganisation decree number)",
    ),
    (
        "judul_wajib",
        "Judul usulan kolektif wajib diisi.",
        "A title for the collective proposal is required.",
    ),
    (
        "kembalikan_bts",
        "Kembalikan (BTS)",
        "Return for correction",
    ),
    (
        "keputusan_tersimpan",
        "Keputusan tersimpan.",
        "Decision recorded.",
    ),
    ("kolektif", "kolektif", "collective"),
    (
        "kolektif_tanpa_baris_sah",
        "Tidak ada baris yang sah untuk diajukan.",
        "There are no valid rows to submit.",
    ),
    (
        "konflik_terapkan",
        "Usulan tidak dapat diterapkan karena data sudah berubah sejak usulan dibuat:",
        "The proposal cannot be applied because the record changed after it was made:",
    ),
    ("langkah_tersimpan", "Tersimpan.", "Saved."),
    (
        "laporan_per_baris",
        "Hasil pemeriksaan per baris",
        "Per-row check",
    ),
    (
        "lihat_kolektif",
        "Lihat usulan kolektif",
        "View the collective proposal",
    ),
    ("median_jam", "Median (jam)", "Median (hours)"),
    ("menunggu", "menunggu", "waiting"),
    (
        "menunggu_terlama",
        "Menunggu paling lama",
        "Waiting longest",
    ),
    ("nama", "Nama", "Name"),
    (
        "nilai_bersama",
        "Nilai untuk semua pegawai dalam daftar",
        "Values for every employee in the list",
    ),
    (
        "nip_ganda",
        "NIP muncul lebih dari sekali",
        "NIP appears more than once",
    ),
    ("notifikasi", "Pemberitahuan", "Notifications"),
    ("p90_jam", "Persentil 90 (jam)", "90th percentile (hours)"),
    (
        "pakai_dari_arsip",
        "Pakai dokumen dari arsip",
        "Use documents from the archive",
    ),
    (
        "pegawai_di_luar_cakupan",
        "NIP tidak ditemukan di instansi Anda",
        "NIP not found in your agency",
    ),
    ("per_status", "Usulan per status", "Proposals by status"),
    (
        "perbaiki_usulan",
        "Perbaiki dan ajukan ulang",
        "Revise and resubmit",
    ),
    ("periksa_daftar", "Periksa daftar", "Check the list"),
    ("peringatan", "Peringatan", "Warnings"),
    ("putaran", "putaran", "round"),
    ("riwayat_usulan", "Riwayat usulan", "Proposal history"),
    ("sah", "Sah", "Valid"),
    ("sebelum", "Sebelum", "Before"),
    ("sebelum_sesudah", "Sebelum dan sesudah", "Before and after"),
    ("sesudah", "Sesudah", "After"),
    ("setujui", "Setujui", "Approve"),
    ("setujui_semua", "Setujui semua", "Approve all"),
    ("simpan_draf", "Simpan draf", "Save draft"),
    (
        "statistik_usulan",
        "Statistik usulan",
        "Proposal statistics",
    ),
    ("tanpa_dokumen", "Tidak ada dokumen.", "No documents."),
    (
        "tanpa_perubahan",
        "Tidak ada data yang diubah.",
        "Nothing is changed.",
    ),
    ("tolak", "Tolak", "Reject"),
    (
        "usul_dari_profil",
        "Untuk mengoreksi atau menghapus baris tertentu, pilih tautan pada baris itu di Profil Saya.",
        "To correct or remove a particular row, use the link on that row in My profile.",
    ),
    (
        "usul_hapus_penjelasan",
        "Anda mengusulkan penghapusan baris riwayat ini.",
        "You are proposing to remove this history row.",
    ),
    ("usul_perubahan", "Usulkan perubahan", "Propose a change"),
    (
        "usulan_bukan_giliran",
        "Langkah ini tidak dapat dilakukan pada status usulan sekarang.",
        "This step is not possible in the proposal's current status.",
    ),
    ("usulan_kolektif", "Usulan kolektif", "Collective proposal"),
    ("usulan_saya", "Usulan saya", "My proposals"),
    (
        "usulan_sendiri",
        "Pengusul tidak dapat memverifikasi usulannya sendiri.",
        "A proposer cannot verify their own proposal.",
    ),
    (
        "usulan_sudah_diputuskan",
        "Usulan ini sudah diproses oleh orang lain; halaman dimuat ulang dengan statusnya sekarang.",
        "Someone else already acted on this proposal; the page shows its current status.",
    ),
    (
        "waktu_per_status",
        "Waktu di setiap status (90 hari terakhir)",
        "Time in each status (last 90 days)",
    ),
    ("status_usulan", "Status", "Status"),
    ("tambah_baris", "Usulkan tambah", "Propose an addition"),
    ("koreksi", "Koreksi", "Correct"),
    ("hapus", "Hapus", "Remove"),
    (
        "koreksi_data_utama",
        "Usulkan koreksi data utama",
        "Propose a correction of personal data",
    ),
    ("jam_umur", "jam", "hours"),
    (
        "dokumen_identitas_bila",
        "Bila mengubah nama, gelar, tempat lahir, NIK atau nomor KK:",
        "When changing the name, titles, place of birth, NIK or family card number:",
    ),
    ("foto_kartu", "Foto kartu", "Card photo"),
    ("pedoman_foto", "Pedoman foto", "Photo guidelines"),
    (
        "pedoman_transparan",
        "Latar belakang transparan (PNG), sesuai surat edaran instansi",
        "Transparent background (PNG), as the agencies' letters ask",
    ),
    (
        "pedoman_pakaian",
        "Berpakaian resmi / seragam dinas",
        "Formal attire or official uniform",
    ),
    (
        "pedoman_wajah",
        "Wajah menghadap depan, di tengah, terlihat jelas",
        "Face forward, centred and clearly visible",
    ),
    (
        "pedoman_rasio",
        "Perbandingan 3:4 (tegak); foto lain dipotong di tengah",
        "3:4 portrait ratio; other photos are cropped at the centre",
    ),
    ("pedoman_resolusi", "Resolusi minimal", "Minimum resolution"),
    (
        "pedoman_berkas",
        "Berkas PNG atau JPEG, paling besar",
        "PNG or JPEG file, at most",
    ),
    ("foto_sekarang", "Foto kartu saat ini", "Current card photo"),
    ("pilih_foto", "Pilih foto", "Choose a photo"),
    ("unggah_foto", "Unggah foto", "Upload photo"),
    (
        "kartu_asn",
        "Kartu ASN Virtual",
        "Virtual civil-servant card",
    ),
    ("pratinjau_kartu", "Pratinjau kartu", "Card preview"),
    (
        "pratinjau_petunjuk",
        "Periksa foto pada kartu. Foto baru dipakai setelah Anda memilih \"Gunakan foto ini\".",
        "Check the photo on the card. The new photo is used only after you choose \"Use this photo\".",
    ),
    ("gunakan_foto", "Gunakan foto ini", "Use this photo"),
    ("unggah_ulang", "Unggah foto lain", "Upload another photo"),
    (
        "kartu_belum_tersedia",
        "Kartu belum tersedia",
        "The card is not available yet",
    ),
    ("orientasi", "Orientasi kartu", "Card orientation"),
    ("lanskap", "Lanskap", "Landscape"),
    ("potret", "Potret", "Portrait"),
    (
        "sisi_depan",
        "Kartu ASN Virtual, sisi depan",
        "Virtual civil-servant card, front",
    ),
    (
        "sisi_belakang",
        "Kartu ASN Virtual, sisi belakang dengan kode QR",
        "Virtual civil-servant card, back with QR code",
    ),
    ("nomor_kartu", "Nomor kartu", "Card number"),
    ("diterbitkan", "Diterbitkan", "Issued"),
    ("berlaku_sampai", "Berlaku sampai", "Valid until"),
    (
        "unduh_depan",
        "Unduh sisi depan (PNG)",
        "Download front (PNG)",
    ),
    (
        "unduh_belakang",
        "Unduh sisi belakang (PNG)",
        "Download back (PNG)",
    ),
    (
        "unduh_pdf",
        "Unduh PDF untuk dicetak",
        "Download PDF for printing",
    ),
    ("cetak", "Tampilan cetak", "Print view"),
    (
        "cetak_petunjuk",
        "Cetak dengan menu Cetak peramban (skala 100%); kartu tercetak seukuran KTP.",
        "Print with the browser's Print menu (100% scale); the card prints at ID-card size.",
    ),
    (
        "kartu_data_berubah",
        "Nama atau instansi Anda berubah sejak kartu ini diterbitkan. Terbitkan ulang kartu.",
        "Your name or agency changed since this card was issued. Reissue the card.",
    ),
    (
        "terbitkan_ulang_petunjuk",
        "Kartu baru menggantikan kartu ini; kode QR kartu lama tidak berlaku lagi.",
        "A new card replaces this one; the old card's QR code stops being valid.",
    ),
    (
        "terbitkan_ulang",
        "Terbitkan ulang kartu",
        "Reissue the card",
    ),
    (
        "kartu_siap",
        "Data Anda lengkap untuk Kartu ASN Virtual.",
        "Your record is complete for the virtual card.",
    ),
    ("terbitkan_kartu", "Terbitkan kartu", "Issue the card"),
    (
        "periksa_kartu",
        "Pemeriksaan Kartu ASN",
        "Civil-servant card check",
    ),
    (
        "periksa_kartu_petunjuk",
        "Ketik huruf pada gambar untuk melihat data pemegang kartu.",
        "Type the characters in the image to see the card holder's details.",
    ),
    (
        "captcha_salah",
        "Jawaban tidak cocok. Coba lagi dengan gambar baru.",
        "The answer does not match. Try again with the new image.",
    ),
    (
        "captcha_gambar",
        "Gambar berisi lima huruf atau angka",
        "Image showing five letters or digits",
    ),
    (
        "captcha_ketik",
        "Huruf pada gambar",
        "Characters in the image",
    ),
    ("periksa", "Periksa", "Check"),
    (
        "captcha_ganti",
        "Gambar sulit dibaca? Muat ulang halaman untuk gambar baru.",
        "Hard to read? Reload the page for a new image.",
    ),
    (
        "foto_pemegang",
        "Foto pemegang kartu",
        "Photo of the card holder",
    ),
    (
        "periksa_kartu_catatan",
        "Data di atas harus sama dengan kartu yang ditunjukkan.",
        "The details above must match the card shown.",
    ),
];

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keys_are_unique_and_both_languages_filled() {
        let mut keys: Vec<_> = PESAN.iter().map(|(k, _, _)| *k).collect();
        keys.sort_unstable();
        let n = keys.len();
        keys.dedup();
        assert_eq!(keys.len(), n);
        for (k, id, en) in PESAN {
            assert!(!id.is_empty() && !en.is_empty(), "{k}");
        }
        assert_eq!(Bahasa::Inggris.t("masuk"), "Sign in");
        for j in siasn_domain::riwayat::JenisRiwayat::SEMUA {
            let k = crate::tampilan::kunci_judul(j);
            assert!(PESAN.iter().any(|(key, _, _)| *key == k), "{k}");
        }
        assert_eq!(Bahasa::Indonesia.t("masuk"), "Masuk");
    }

    #[test]
    fn every_key_used_in_templates_and_code_exists() {
        let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
        let mut missing = Vec::new();
        // Every file under templates/ and src/, subfolders included.
        let mut files = Vec::new();
        let mut dirs = vec![root.join("templates"), root.join("src")];
        while let Some(dir) = dirs.pop() {
            for entry in std::fs::read_dir(dir).unwrap() {
                let path = entry.unwrap().path();
                if path.is_dir() {
                    dirs.push(path);
                } else {
                    files.push(path);
                }
            }
        }
        assert!(files.iter().any(|f| f.ends_with("usulan/form.rs")));
        for path in files {
            let text = std::fs::read_to_string(path).unwrap();
            for part in text.split(".t(\"").skip(1) {
                let key = part.split('"').next().unwrap();
                if !PESAN.iter().any(|(k, _, _)| *k == key) {
                    missing.push(key.to_string());
                }
            }
        }
        assert!(missing.is_empty(), "missing catalogue keys: {missing:?}");
    }
}
