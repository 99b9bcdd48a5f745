//! The catalogue of short texts: every label, heading and sentence of the pages, Indonesian
//! and English side by side. A key that does not exist is a compile error, and a key cannot
//! be declared with one language only.
//!
//! Long because it is the catalogue: one entry per text, both languages side by side.

katalog! {
    Subjudul => "Sistem Informasi ASN",
        "Civil Service Information System";
    Deskripsi => "Tempat instansi dan BKN mengelola, memverifikasi, dan menindaklanjuti data kepegawaian ASN, serta portal layanan mandiri bagi setiap PNS dan PPPK.",
        "Where agencies and BKN keep, verify and act on civil servants' personnel data, and the self-service portal for every PNS and PPPK.";
    Status => "Status layanan",
        "Service status";
    BasisDataSiap => "Basis data siap",
        "Database ready";
    BasisDataGagal => "Basis data tidak dapat dihubungi",
        "Database not reachable";
    Instansi => "Instansi terdaftar",
        "Registered agencies";
    Mesin => "Penyimpanan",
        "Storage";
    GantiBahasa => "English",
        "Bahasa Indonesia";
    TidakDitemukan => "Halaman tidak ditemukan",
        "Page not found";
    TidakDitemukanTeks => "Alamat yang Anda buka tidak ada.",
        "The address you opened does not exist.";
    Kembali => "Kembali ke beranda",
        "Back to home";
    GalatServer => "Terjadi kesalahan di server. Silakan coba lagi.",
        "Something went wrong on the server. Please try again.";
    Masuk => "Masuk",
        "Sign in";
    Keluar => "Keluar",
        "Sign out";
    NipAtauPengguna => "NIP atau nama pengguna",
        "NIP or user name";
    KataSandi => "Kata sandi",
        "Password";
    IngatSaya => "Ingat saya",
        "Remember me";
    LupaSandi => "Lupa kata sandi?",
        "Forgot your password?";
    Aktivasi => "Aktivasi akun",
        "Activate your account";
    LoginSalah => "NIP/nama pengguna atau kata sandi salah.",
        "Wrong NIP/user name or password.";
    CatatanKunci => "Setelah {} kali salah berturut-turut, akun dikunci selama {} menit dan pemiliknya diberi tahu lewat e-mail. Lupa kata sandi? Atur ulang lewat tautan di bawah.",
        "After {} wrong attempts in a row the account is locked for {} minutes and its owner is told by e-mail. Forgot your password? Reset it with the link below.";
    TerlaluSering => "Terlalu banyak percobaan. Coba lagi dalam {} detik.",
        "Too many attempts. Try again in {} seconds.";
    CsrfSalah => "Formulir kedaluwarsa. Muat ulang halaman lalu coba lagi.",
        "The form has expired. Reload the page and try again.";
    LupaJudul => "Lupa kata sandi",
        "Forgotten password";
    AktivasiJudul => "Aktivasi akun",
        "Account activation";
    LupaTeks => "Masukkan NIP dan alamat e-mail yang terdaftar. Kami akan mengirim token ke e-mail tersebut.",
        "Enter your NIP and your registered e-mail address. We will send a token to that address.";
    EmailTerdaftar => "E-mail terdaftar",
        "Registered e-mail";
    KirimToken => "Kirim token",
        "Send token";
    TokenDikirim => "Jika NIP dan e-mail tersebut cocok dengan data kami, token telah dikirim ke e-mail itu dan berlaku {} menit.",
        "If the NIP and e-mail match our records, a token has been sent to that address; it is valid for {} minutes.";
    TokenTidakDatang => "Tidak menerima e-mail dalam 15 menit? Periksa folder spam, lalu hubungi unit kepegawaian (BKPSDM/Biro SDM) instansi Anda: hanya mereka yang dapat memperbaiki e-mail terdaftar.",
        "No e-mail within 15 minutes? Check your spam folder, then contact your agency's HR unit (BKPSDM/Biro SDM): only they can correct your registered e-mail.";
    SudahPunyaToken => "Sudah punya token? Atur kata sandi",
        "Have a token? Set your password";
    AturJudul => "Atur kata sandi",
        "Set your password";
    Token => "Token dari e-mail",
        "Token from the e-mail";
    SandiBaru => "Kata sandi baru",
        "New password";
    UlangiSandi => "Ulangi kata sandi baru",
        "Repeat the new password";
    Simpan => "Simpan",
        "Save";
    AturanSandi => "Minimal {} karakter, dengan huruf besar dan angka; tidak memuat NIP, NIK, tanggal lahir, atau nama Anda.",
        "At least {} characters, with a capital letter and a digit; not containing your NIP, NIK, birth date or name.";
    TokenSalah => "Token salah, sudah dipakai, atau kedaluwarsa. Minta token baru bila perlu.",
        "The token is wrong, used or expired. Request a new one if needed.";
    SandiTidakSama => "Kedua kata sandi baru tidak sama.",
        "The two new passwords differ.";
    SandiBerhasil => "Kata sandi berhasil disimpan. Semua sesi lain telah diakhiri. Silakan masuk.",
        "Your password has been saved and every other session ended. Please sign in.";
    MfaJudul => "Verifikasi dua langkah",
        "Two-step verification";
    MfaTeks => "Masukkan kode 6 angka dari aplikasi autentikator, atau salah satu kode pemulihan.",
        "Enter the 6-digit code from your authenticator app, or one of your recovery codes.";
    Kode => "Kode",
        "Code";
    Verifikasi => "Verifikasi",
        "Verify";
    MfaSalah => "Kode tidak cocok. Periksa jam ponsel Anda dan coba lagi.",
        "The code does not match. Check your phone's clock and try again.";
    MfaDaftarJudul => "Aktifkan verifikasi dua langkah",
        "Turn on two-step verification";
    MfaDaftarTeks => "Pindai kode QR ini dengan aplikasi autentikator (mis. Google Authenticator, Microsoft Authenticator, Aegis), lalu masukkan kode 6 angka yang muncul.",
        "Scan this QR code with an authenticator app (e.g. Google Authenticator, Microsoft Authenticator, Aegis), then enter the 6-digit code it shows.";
    MfaWajib => "Peran Anda mewajibkan verifikasi dua langkah.",
        "Your role requires two-step verification.";
    RahasiaManual => "Tidak bisa memindai? Masukkan kunci ini secara manual:",
        "Cannot scan? Enter this key by hand:";
    KodePemulihanJudul => "Kode pemulihan",
        "Recovery codes";
    KodePemulihanTeks => "Simpan kode-kode ini di tempat aman. Masing-masing dapat dipakai sekali bila ponsel Anda hilang. Kode ini hanya ditampilkan sekarang.",
        "Keep these codes somewhere safe. Each works once if you lose your phone. They are shown only now.";
    Lanjut => "Lanjut",
        "Continue";
    Beranda => "Beranda",
        "Home";
    Menu => "Menu",
        "Menu";
    MenuUtama => "Menu utama",
        "Main menu";
    MenuProfil => "Profil",
        "Profile";
    MenuDokumen => "Dokumen",
        "Documents";
    MenuUsulan => "Usulan",
        "Proposals";
    MenuKinerja => "Kinerja",
        "Performance";
    MenuKartu => "Kartu ASN",
        "ASN card";
    MenuLayanan => "Layanan",
        "Services";
    MenuDasbor => "Dasbor",
        "Dashboard";
    MenuRiwayatAkses => "Riwayat akses data",
        "Access history";
    MenuBagianSaya => "Saya",
        "Me";
    MenuBagianKantor => "Kepegawaian",
        "Back office";
    MenuBagianAkun => "Akun",
        "Account";
    MfaAjakan => "Lindungi akun Anda: dengan verifikasi dua langkah, sandi saja tidak cukup untuk masuk.",
        "Protect your account: with two-step verification, a password alone is not enough to sign in.";
    AuditMasuk => "Masuk ke akun Anda",
        "Signed in to your account";
    AuditKeluar => "Keluar dari akun Anda",
        "Signed out of your account";
    AuditMasukGagal => "Seseorang mencoba masuk dengan akun Anda, sandinya salah",
        "Someone tried to sign in to your account with a wrong password";
    AuditMasukTerkunci => "Seseorang mencoba masuk dengan akun Anda saat akun terkunci; upaya itu ditolak",
        "Someone tried to sign in to your account while it was locked; the attempt was refused";
    AuditMasukApi => "Masuk melalui aplikasi mitra (API)",
        "Signed in through a partner application (API)";
    AuditMasukApiGagal => "Seseorang mencoba masuk dengan akun Anda melalui aplikasi mitra (API), sandinya salah",
        "Someone tried to sign in to your account through a partner application (API) with a wrong password";
    AuditAkunDikunci => "Akun Anda dikunci sementara setelah beberapa kali gagal masuk",
        "Your account was locked for a while after several failed sign-ins";
    AuditAkunDibuat => "Akun Anda dibuat",
        "Your account was created";
    AuditAkunDiaktifkan => "Akun Anda diaktifkan",
        "Your account was activated";
    AuditAktivasiDiminta => "Seseorang meminta tautan aktivasi untuk akun Anda",
        "Someone asked for an activation link for your account";
    AuditPeranDiberikan => "Peran diberikan kepada akun Anda",
        "A role was granted to your account";
    AuditPeranDicabut => "Peran dicabut dari akun Anda",
        "A role was revoked from your account";
    AuditResetDiminta => "Seseorang meminta penggantian sandi akun Anda",
        "Someone asked to reset your account's password";
    AuditTokenSalah => "Seseorang memakai tautan penggantian sandi yang tidak berlaku untuk akun Anda",
        "Someone used an invalid password reset link for your account";
    AuditTokenEmailBeda => "Tautan penggantian sandi ditolak karena alamat e-mail akun sudah berubah",
        "A password reset link was refused because the account's e-mail address had changed";
    AuditSandiDiganti => "Sandi akun Anda diganti",
        "Your account's password was changed";
    AuditSandiDiaturAdmin => "Sandi akun Anda diatur oleh administrator sistem",
        "Your account's password was set by the system administrator";
    AuditMfaDidaftarkan => "Verifikasi dua langkah diaktifkan",
        "Two-step verification was turned on";
    AuditMfaBerhasil => "Kode verifikasi dua langkah diterima saat masuk",
        "A two-step verification code was accepted at sign-in";
    AuditMfaGagal => "Kode verifikasi dua langkah yang salah dimasukkan saat masuk ke akun Anda",
        "A wrong two-step verification code was entered while signing in to your account";
    AuditMfaDireset => "Verifikasi dua langkah Anda direset oleh admin",
        "Your two-step verification was reset by an administrator";
    AuditSesiDiakhiri => "Sesi lain akun Anda diakhiri",
        "Your account's other sessions were ended";
    AuditDataDilihat => "Data kepegawaian Anda dilihat",
        "Your personnel record was viewed";
    AuditSensitifDilihat => "Nomor identitas Anda (NIK, KK, NPWP, BPJS) dibuka",
        "Your identity numbers (NIK, KK, NPWP, BPJS) were shown";
    AuditDibacaApi => "Data Anda dibaca oleh aplikasi mitra (API)",
        "Your data was read by a partner application (API)";
    AuditPegawaiDibuat => "Data kepegawaian Anda dicatat",
        "Your personnel record was created";
    AuditPegawaiDiubah => "Data kepegawaian Anda diubah",
        "Your personnel record was changed";
    AuditPegawaiDisinkronkan => "Data Anda diperbarui dari SIASN",
        "Your data was updated from SIASN";
    AuditEmailDiubah => "Alamat e-mail akun Anda diubah",
        "Your account's e-mail address was changed";
    AuditFotoDiganti => "Foto kartu ASN Anda diganti",
        "Your ASN card photo was replaced";
    AuditKedudukanDiubah => "Kedudukan hukum Anda diubah",
        "Your employment status was changed";
    AuditDokumenDilampirkan => "Dokumen dilampirkan pada data Anda",
        "A document was attached to your record";
    AuditDokumenDiunduh => "Dokumen Anda diunduh",
        "One of your documents was downloaded";
    AuditDokumenDitandatangani => "Dokumen tentang Anda ditandatangani secara elektronik",
        "A document about you was signed electronically";
    AuditKartuDiterbitkan => "Kartu ASN virtual Anda diterbitkan",
        "Your virtual ASN card was issued";
    AuditKartuDiperiksa => "Kartu ASN Anda diperiksa keasliannya",
        "Your ASN card was checked for authenticity";
    AuditUsulanDisimpan => "Usulan perubahan data disimpan sebagai draf",
        "A data-change proposal was saved as a draft";
    AuditUsulanDiajukan => "Usulan perubahan data diajukan",
        "A data-change proposal was submitted";
    AuditUsulanDiubah => "Usulan perubahan data diubah",
        "A data-change proposal was edited";
    AuditUsulanDiajukanUlang => "Usulan perubahan data diajukan ulang",
        "A data-change proposal was resubmitted";
    AuditUsulanDisetujui => "Usulan perubahan data disetujui",
        "A data-change proposal was approved";
    AuditUsulanDitolak => "Usulan perubahan data ditolak",
        "A data-change proposal was rejected";
    AuditUsulanDikembalikan => "Usulan perubahan data dikembalikan untuk diperbaiki",
        "A data-change proposal was returned for correction";
    AuditUsulanDibatalkan => "Usulan perubahan data dibatalkan",
        "A data-change proposal was cancelled";
    AuditLayananDibuat => "Layanan kepegawaian untuk Anda dibuat",
        "A personnel service case was opened for you";
    AuditLayananBerkas => "Berkas layanan kepegawaian Anda disimpan",
        "Your personnel service file was saved";
    AuditLayananDiajukan => "Layanan kepegawaian Anda diajukan",
        "Your personnel service case was submitted";
    AuditLayananSetujuiInstansi => "Layanan kepegawaian Anda disetujui instansi",
        "Your personnel service case was approved by the agency";
    AuditLayananKembaliInstansi => "Layanan kepegawaian Anda dikembalikan oleh instansi",
        "Your personnel service case was returned by the agency";
    AuditLayananSetujuiBkn => "Layanan kepegawaian Anda disetujui BKN",
        "Your personnel service case was approved by BKN";
    AuditLayananBts => "Layanan kepegawaian Anda dikembalikan BKN untuk dilengkapi (BTS)",
        "Your personnel service case was returned by BKN to be completed (BTS)";
    AuditLayananTms => "Layanan kepegawaian Anda dinyatakan tidak memenuhi syarat (TMS)",
        "Your personnel service case was found not eligible (TMS)";
    AuditLayananPertek => "Pertimbangan teknis (pertek) untuk Anda diterbitkan",
        "A technical approval (pertek) was issued for you";
    AuditLayananSk => "SK untuk Anda ditandatangani",
        "A decree (SK) about you was signed";
    AuditLayananUnggahSk => "SK untuk Anda diunggah",
        "A decree (SK) about you was uploaded";
    AuditLayananDihapus => "Layanan kepegawaian Anda dihapus",
        "Your personnel service case was deleted";
    AuditLayananLampirkan => "Dokumen dilampirkan pada layanan kepegawaian Anda",
        "A document was attached to your personnel service case";
    AuditLayananLepas => "Dokumen dilepas dari layanan kepegawaian Anda",
        "A document was removed from your personnel service case";
    AuditUsulanLain => "Usulan perubahan data Anda diproses",
        "A data-change proposal about you was processed";
    AuditLayananLain => "Layanan kepegawaian Anda diproses",
        "Your personnel service case was processed";
    AuditLain => "Aktivitas lain pada data atau akun Anda",
        "Other activity on your data or account";
    Seseorang => "Seseorang",
        "Someone";
    DariAlamat => "dari alamat",
        "from address";
    StatusBaru => "Status",
        "Status";
    NotifikasiDibaca => "Pemberitahuan di atas kini ditandai sudah dibaca.",
        "The notifications above are now marked as read.";
    Diunggah => "diunggah",
        "uploaded";
    KolomPegawai => "Pegawai",
        "Employee";
    KolomInstansiUnit => "Instansi / unit",
        "Agency / unit";
    KolomJenisUsulan => "Jenis usulan",
        "Proposal kind";
    KolomMenunggu => "Menunggu",
        "Waiting";
    KolomTenggat => "Tenggat",
        "Due";
    MenungguLebihDari => "lebih dari {} hari",
        "more than {} days";
    MenampilkanDari => "Menampilkan {} dari {}",
        "Showing {} of {}";
    TahapVerifikasi => "Tahap verifikasi",
        "Verification stage";
    Semua => "Semua",
        "All";
    HanyaBerperingatan => "Hanya yang berperingatan",
        "Only those with warnings";
    Saring => "Terapkan",
        "Apply";
    HapusSaringan => "Hapus saringan",
        "Clear filters";
    TenggatPenjelasan => "Tenggat verifikasi: {} hari di setiap tahap",
        "Verification due: {} days at each stage";
    UnduhCsv => "Unduh CSV",
        "Download CSV";
    TenggatLewat => "Lewat tenggat",
        "Overdue";
    TenggatDekat => "Tenggat < 24 jam",
        "Due < 24 h";
    Halaman => "Halaman",
        "Pages";
    Sebelumnya => "Sebelumnya",
        "Previous";
    NilaiSekarangBaru => "Sekarang → akan ditulis",
        "Now → to be written";
    JumlahCocok => "{} pegawai cocok",
        "{} employees match";
    LebihDariCocok => "Lebih dari {} pegawai cocok; persempit pencarian",
        "More than {} employees match; narrow the search";
    DaftarIsi => "Daftar isi",
        "Contents";
    MasukSebagai => "Masuk sebagai",
        "Signed in as";
    SelamatDatang => "Selamat datang",
        "Welcome";
    PeranAnda => "Peran Anda",
        "Your roles";
    SesiSaya => "Sesi aktif",
        "Active sessions";
    SesiIni => "sesi ini",
        "this session";
    AkhiriSesiLain => "Akhiri semua sesi lain",
        "End all other sessions";
    SesiLainDiakhiri => "Sesi lain telah diakhiri.",
        "Other sessions have been ended.";
    Dibuat => "Dibuat",
        "Created";
    TerakhirAktif => "Terakhir aktif",
        "Last active";
    Perangkat => "Perangkat",
        "Device";
    AlamatJaringan => "Alamat",
        "Address";
    TidakBerwenang => "Anda tidak berwenang membuka halaman ini.",
        "You are not allowed to open this page.";
    AdminAkun => "Akun petugas",
        "Staff accounts";
    AdminKlien => "Klien API",
        "API clients";
    KlienPenjelasan => "Sistem instansi (SIMPEG) dan lembaga mitra memakai API yang kompatibel dengan SIASN. Klien instansi hanya menjangkau pegawai instansinya; klien nasional hanya membaca.",
        "Agency systems (SIMPEG) and partner institutions use the SIASN-compatible API. An agency client reaches only its agency's employees; a national client only reads.";
    DokumentasiApi => "Dokumentasi API",
        "API documentation";
    KlienDibuat => "Klien terdaftar.",
        "Client registered.";
    KlienRahasiaSekali => "Simpan consumer secret ini sekarang: hanya ditampilkan sekali dan tidak dapat dilihat lagi.",
        "Store this consumer secret now: it is shown only once and cannot be viewed again.";
    KlienNonaktif => "Nonaktif",
        "Disabled";
    Menit => "menit",
        "minute";
    Nonaktifkan => "Nonaktifkan",
        "Disable";
    Aktifkan => "Aktifkan",
        "Enable";
    KlienBaru => "Daftarkan klien baru",
        "Register a new client";
    NamaKlien => "Nama klien",
        "Client name";
    KlienNasional => "Nasional (hanya baca)",
        "National (read only)";
    Lingkup => "Lingkup",
        "Scopes";
    BatasPerMenit => "Batas permintaan per menit",
        "Requests per minute";
    Daftarkan => "Daftarkan",
        "Register";
    KlienPerluInstansi => "Isi instansi, atau pilih nasional.",
        "Fill in the agency, or choose national.";
    KlienNasionalBaca => "Klien nasional hanya membaca: lingkup «tulis» hanya untuk klien instansi.",
        "National clients only read: the «tulis» scope is for agency clients only.";
    KlienInstansiTidakAda => "Instansi tidak dikenal.",
        "Unknown agency.";
    Webhook => "Webhook",
        "Webhooks";
    WebhookPenjelasan => "Peristiwa yang boleh dilihat klien ini (perubahan data pegawai instansinya, status layanan, dokumen terbit) dikirim ke alamat ini, ditandatangani HMAC-SHA256; kiriman yang gagal diulang hingga sekitar sehari, lalu masuk daftar gagal.",
        "Events this client may see (changes to its agency's employees, service statuses, issued documents) are sent to this address, signed with HMAC-SHA256; failed deliveries are retried for about a day, then listed as failed.";
    WebhookTambah => "Tambah webhook",
        "Add a webhook";
    WebhookUrl => "Alamat penerima (https)",
        "Receiver address (https)";
    WebhookDariAwal => "Kirim juga semua peristiwa sebelumnya",
        "Also send every earlier event";
    WebhookDibuat => "Webhook didaftarkan. Berikan rahasia ini kepada pengelola sistem mitra:",
        "Webhook registered. Give this secret to the partner system's administrator:";
    WebhookRahasiaSekali => "Rahasia ini hanya ditampilkan sekali; dipakai penerima untuk memeriksa tanda tangan setiap kiriman.",
        "This secret is shown only once; the receiver uses it to check each delivery's signature.";
    WebhookTerkirimSampai => "Terkirim sampai peristiwa ke",
        "Delivered up to event";
    WebhookDari => "dari",
        "of";
    WebhookGalatTerakhir => "Gagal terakhir",
        "Last failure";
    WebhookCobaLagi => "dicoba lagi",
        "retried";
    WebhookDaftarGagal => "Peristiwa yang gagal dikirim",
        "Events that could not be delivered";
    WebhookPercobaan => "percobaan",
        "attempts";
    WebhookKirimUlang => "Kirim ulang mulai peristiwa ke",
        "Deliver again from event";
    WebhookKirimUlangTombol => "Kirim ulang",
        "Deliver again";
    WebhookUrlTidakSah => "Alamat penerima tidak sah (contoh: https://simpeg.instansi.go.id/siasn/peristiwa).",
        "The receiver address is not valid (e.g. https://simpeg.instansi.go.id/siasn/peristiwa).";
    WebhookPerluHttps => "Alamat penerima harus https, agar isi kiriman tidak terbaca di jalan.",
        "The receiver address must be https, so deliveries cannot be read on the way.";
    WebhookAlamatInternal => "Alamat penerima ada di jaringan internal; minta admin BKN bila memang diperlukan.",
        "The receiver address is on an internal network; ask a BKN admin if it really is needed.";
    WebhookBelumAda => "Belum ada webhook.",
        "No webhook yet.";
    AdminPegawai => "Bantuan akun pegawai",
        "Employee account help";
    CariNip => "Cari pegawai (NIP)",
        "Find an employee (NIP)";
    Cari => "Cari",
        "Search";
    PegawaiTidakAda => "Pegawai dengan NIP itu tidak ada dalam cakupan Anda.",
        "No employee with that NIP in your scope.";
    EmailBaru => "E-mail baru",
        "New e-mail";
    Alasan => "Alasan",
        "Reason";
    PerbaikiEmail => "Perbaiki e-mail terdaftar",
        "Correct the registered e-mail";
    EmailDiubah => "E-mail terdaftar telah diubah; pemberitahuan dikirim ke alamat lama dan baru.",
        "The registered e-mail has been changed; both the old and the new address were notified.";
    ResetMfa => "Reset verifikasi dua langkah",
        "Reset two-step verification";
    MfaDireset => "Verifikasi dua langkah telah direset; pegawai mendaftar ulang saat masuk berikutnya.",
        "Two-step verification has been reset; the employee enrols again at next sign-in.";
    PengirimanEmail => "Pengiriman e-mail terakhir",
        "Latest e-mail deliveries";
    StatusKirim => "Status",
        "Status";
    Waktu => "Waktu",
        "Time";
    Subjek => "Subjek",
        "Subject";
    AlasanWajib => "Alasan wajib diisi.",
        "A reason is required.";
    EmailTidakValid => "Alamat e-mail tidak valid.",
        "The e-mail address is not valid.";
    BeriPeran => "Beri peran",
        "Grant a role";
    Peran => "Peran",
        "Role";
    Cabut => "Cabut",
        "Revoke";
    LoginPegawai => "NIP pegawai atau nama pengguna",
        "Employee NIP or user name";
    PeranDiberikan => "Peran telah diberikan.",
        "The role has been granted.";
    PeranDicabut => "Peran telah dicabut.",
        "The role has been revoked.";
    AkunTidakAda => "Akun atau pegawai tidak ditemukan dalam cakupan Anda.",
        "No such account or employee in your scope.";
    Aktif => "Aktif",
        "Active";
    BelumAktif => "Belum aktivasi",
        "Not activated";
    InputTerlaluPanjang => "Isian terlalu panjang.",
        "An entry is too long.";
    ProfilSaya => "Profil saya",
        "My profile";
    DokumenSaya => "Dokumen saya",
        "My documents";
    RiwayatAkses => "Siapa melihat atau mengubah data saya",
        "Who saw or changed my data";
    BuktiAudit => "Unduh bukti", "Download proof";
    BuktiAuditPenjelasan => "Setiap catatan di bawah tersimpan dalam log audit yang ditandatangani secara berkala di luar basis data. Bukti sebuah catatan dapat diperiksa siapa saja tanpa akses ke sistem (siasn audit prove), sehingga catatan tentang Anda tidak dapat dihapus atau diubah diam-diam. Catatan terbaru mendapat bukti setelah tanda tangan berikutnya (beberapa menit).",
        "Every entry below is kept in an audit log whose state is signed regularly outside the database. Anyone can check an entry's proof without access to the system (siasn audit prove), so entries about you cannot be removed or altered unnoticed. The newest entries get a proof after the next signature (a few minutes).";
    BuktiBelumAda => "Bukti catatan ini belum tersedia: log audit akan ditandatangani dalam beberapa menit. Coba lagi nanti.",
        "The proof of this entry is not available yet: the audit log is signed within a few minutes. Please try again later.";
    DataUtama => "Data utama",
        "Personal data";
    TampilkanSensitif => "Tampilkan nomor yang disamarkan",
        "Show the masked numbers";
    SensitifTercatat => "Nomor sensitif ditampilkan; tindakan ini tercatat di log audit.",
        "Sensitive numbers are shown; this is recorded in the audit log.";
    BelumAda => "Belum ada data.",
        "Nothing recorded yet.";
    Unduh => "Unduh",
        "Download";
    Oleh => "Oleh",
        "By";
    TanggalLahir => "Tanggal lahir",
        "Birth date";
    TempatLahir => "Tempat lahir",
        "Birth place";
    JenisKelamin => "Jenis kelamin",
        "Sex";
    Alamat => "Alamat",
        "Address";
    Golongan => "Golongan/pangkat",
        "Rank";
    Jabatan => "Jabatan",
        "Position";
    Unit => "Unit kerja",
        "Work unit";
    JenisPegawai => "Jenis pegawai",
        "Employee type";
    Kedudukan => "Kedudukan hukum",
        "Legal status";
    TmtCpns => "TMT CPNS",
        "TMT CPNS";
    TmtPppk => "TMT PPPK (awal perjanjian kerja)",
        "TMT PPPK (contract start)";
    Penugasan => "Penugasan",
        "Assignment";
    Sekolah => "Sekolah/perguruan tinggi",
        "School/university";
    TahunLulus => "Tahun lulus",
        "Year of graduation";
    Gelar => "Gelar",
        "Title";
    Jam => "Jam pelajaran",
        "Hours";
    Penyelenggara => "Penyelenggara",
        "Organiser";
    Nilai => "Nilai",
        "Score";
    JenisKp => "Jenis KP",
        "Promotion type";
    MasaKerja => "Masa kerja golongan",
        "Service in rank";
    TanggalMenikah => "Tanggal menikah",
        "Marriage date";
    Ayah => "ayah",
        "father";
    Ibu => "ibu",
        "mother";
    Sk => "SK",
        "Decree";
    JudulJabatan => "Riwayat jabatan",
        "Positions";
    JudulPendidikan => "Riwayat pendidikan",
        "Education";
    JudulDiklat => "Riwayat diklat",
        "Leadership training";
    JudulKursus => "Riwayat kursus",
        "Courses";
    JudulSkp => "SKP (sampai 2021)",
        "Appraisals (to 2021)";
    JudulSkp22 => "SKP (sejak 2022)",
        "Appraisals (from 2022)";
    JudulPenghargaan => "Penghargaan",
        "Awards";
    JudulGolongan => "Riwayat golongan",
        "Ranks";
    JudulPasangan => "Pasangan",
        "Spouse";
    JudulAnak => "Anak",
        "Children";
    JudulOrangTua => "Orang tua",
        "Parents";
    JudulPmk => "Peninjauan masa kerja",
        "Service review (PMK)";
    JudulPindahInstansi => "Pindah instansi",
        "Agency transfers";
    JudulCltn => "CLTN",
        "Unpaid leave (CLTN)";
    JudulCpnsPns => "SK CPNS/PNS",
        "Appointment decrees";
    JudulOrganisasi => "Organisasi",
        "Organisations";
    JudulHukumanDisiplin => "Hukuman disiplin",
        "Disciplinary penalties";
    JudulAngkaKredit => "Angka kredit",
        "Credit points";
    JudulGaji => "Riwayat gaji",
        "Salary";
    JudulPemberhentian => "Pemberhentian",
        "Leaving the service";
    LihatPegawai => "Data pegawai (hanya baca)",
        "Employee record (read only)";
    LihatPegawaiOperator => "Data pegawai instansi Anda: usulkan perubahan dari setiap bagian; usulan diverifikasi seperti biasa.",
        "An employee of your agency: propose changes from any section; proposals are verified as usual.";
    InstansiKerja => "Instansi",
        "Agency";
    Pemberitahuan => "Pemberitahuan",
        "Notices";
    KpMemenuhi => "Memenuhi syarat kenaikan pangkat reguler periode {}.",
        "Eligible for regular promotion in the period of {}.";
    KpBelum => "Belum memenuhi syarat kenaikan pangkat reguler periode {}:",
        "Not yet eligible for regular promotion in the period of {}:";
    PensiunBulanDepan => "Anda pensiun bulan depan: TMT pensiun {}.",
        "You retire next month: retirement effective {}.";
    PensiunDalamBulan => "Anda pensiun dalam {} bulan: TMT pensiun {}.",
        "You retire in {} months: retirement effective {}.";
    PensiunBupAnda => "Batas usia pensiun Anda: TMT pensiun {}.",
        "Your retirement age: retirement effective {}.";
    PensiunLewatBup => "Anda telah melewati batas usia pensiun (TMT pensiun {}) dan keputusan pensiun belum ada; hubungi unit kepegawaian instansi Anda.",
        "You are past retirement age (effective {}) without a retirement decree yet; contact your agency's HR unit.";
    PensiunSudahDiputuskan => "Keputusan pensiun/pemberhentian Anda berlaku mulai {} (SK {}); SK ada di Dokumen saya.",
        "Your retirement/dismissal decree takes effect on {} (SK {}); the decree is in My documents.";
    Kelengkapan => "Kelengkapan data",
        "Data completeness";
    DataLengkap => "Data Anda lengkap.",
        "Your record is complete.";
    Kinerja => "Kinerja (SKP)",
        "Performance (SKP)";
    Kompetensi => "Kompetensi",
        "Competence";
    Tahun => "Tahun",
        "Year";
    Predikat => "Predikat",
        "Rating";
    DiklatTertinggi => "Diklat kepemimpinan tertinggi",
        "Highest leadership training";
    JamPerTahun => "Jam pelatihan per tahun",
        "Training hours per year";
    JamSingkat => "jam",
        "hours";
    HasilKerja => "Hasil kerja:",
        "Results:";
    PerilakuKerja => "Perilaku:",
        "Behaviour:";
    DiAtas => "di atas ekspektasi",
        "above expectation";
    Sesuai => "sesuai ekspektasi",
        "as expected";
    DiBawah => "di bawah ekspektasi",
        "below expectation";
    CariPegawai => "Cari pegawai",
        "Find employees";
    NipAtauNama => "NIP, awal NIP, atau nama",
        "NIP, start of a NIP, or name";
    JenisJabatan => "Jenis jabatan",
        "Position type";
    TidakAdaHasil => "Tidak ada pegawai yang cocok dalam cakupan Anda.",
        "No matching employee in your scope.";
    Berikutnya => "Halaman berikutnya",
        "Next page";
    Ajukan => "Ajukan",
        "Submit";
    AjukanBarisSah => "Ajukan baris yang sah",
        "Submit the valid rows";
    AksiHapus => "Hapus",
        "Remove";
    AksiTambah => "Tambah",
        "Add";
    AksiUbah => "Koreksi",
        "Correct";
    AlasanBts => "Alasan dikembalikan",
        "Reason for return";
    AlasanHapus => "Alasan penghapusan",
        "Reason for removal";
    AlasanHapusWajib => "Alasan penghapusan wajib diisi.",
        "A reason for the removal is required.";
    AlasanKeputusan => "Alasan (wajib untuk menolak atau mengembalikan)",
        "Reason (required to reject or return)";
    AntreanBkn => "Antrean verifikasi BKN",
        "BKN verification queue";
    AntreanInstansi => "Antrean verifikasi instansi",
        "Agency verification queue";
    AntreanKosong => "Tidak ada usulan yang menunggu.",
        "No proposals are waiting.";
    AtauCsv => "Atau unggah CSV (kolom nip dan nilai per pegawai)",
        "Or upload a CSV (column nip and values per employee)";
    BagianData => "Bagian data",
        "Data section";
    BarisSah => "baris sah",
        "rows valid";
    Baru => "Baru",
        "New";
    BatalkanUsulan => "Batalkan usulan",
        "Withdraw proposal";
    BelumAdaUsulan => "Belum ada usulan.",
        "No proposals yet.";
    Berkas => "Berkas",
        "File";
    BerkasTerlaluBesar => "Berkas melebihi batas {} MB; tidak ada yang disimpan.",
        "A file exceeds the {} MB limit; nothing was saved.";
    BukanPengusul => "Hanya pengusul yang dapat melakukan ini.",
        "Only the proposer can do this.";
    BukanVerifikator => "Anda bukan verifikator tahap ini untuk pegawai tersebut.",
        "You are not a verifier of this stage for this employee.";
    Catatan => "Catatan",
        "Note";
    CsvBukanTeks => "Berkas CSV harus berupa teks UTF-8.",
        "The CSV file must be UTF-8 text.";
    CsvDipakai => "CSV yang diunggah sebelumnya dipakai lagi.",
        "The CSV uploaded before is used again.";
    DaftarNip => "Daftar NIP (satu per baris)",
        "List of NIPs (one per line)";
    Data => "Data",
        "Data";
    DitolakBaris => "Tidak sah",
        "Invalid";
    DokumenBermasalah => "Dokumen yang harus diganti (untuk pengembalian):",
        "Documents to replace (for a return):";
    DokumenBerubah => "isi berubah sejak diajukan",
        "content changed since submission";
    DokumenPendukung => "Dokumen pendukung",
        "Supporting documents";
    DokumenWajibKurang => "Dokumen pendukung yang diwajibkan belum dilampirkan.",
        "The required supporting document is not attached.";
    DokumenWajibSalahSatu => "Wajib melampirkan salah satu",
        "Attach at least one of";
    FormTidakValid => "Isian formulir tidak valid.",
        "The form is not valid.";
    FormatBerkas => "PDF, JPEG atau PNG, paling besar",
        "PDF, JPEG or PNG, at most";
    GantiJenis => "Ganti jenis",
        "Change kind";
    Hari => "hari",
        "days";
    HasilKeputusan => "Hasil keputusan per pegawai",
        "Outcome per employee";
    ItemDapatDiputus => "usulan dapat Anda putuskan sekaligus.",
        "proposals you can decide at once.";
    JenisDokumen => "Jenis dokumen",
        "Document type";
    JenisDokumenWajib => "pilih jenis dokumennya",
        "choose its document type";
    JenisUsulan => "Jenis usulan",
        "Proposal kind";
    JudulKolektif => "Judul (mis. nomor SK penataan organisasi)",
        "Title (e.g. the reorganisation decree number)";
    JudulWajib => "Judul usulan kolektif wajib diisi.",
        "A title for the collective proposal is required.";
    KembalikanBts => "Kembalikan (BTS)",
        "Return for correction";
    KeputusanTersimpan => "Keputusan tersimpan.",
        "Decision recorded.";
    Kolektif => "kolektif",
        "collective";
    KolektifTanpaBarisSah => "Tidak ada baris yang sah untuk diajukan.",
        "There are no valid rows to submit.";
    KonflikTerapkan => "Usulan tidak dapat diterapkan karena data sudah berubah sejak usulan dibuat:",
        "The proposal cannot be applied because the record changed after it was made:";
    LangkahTersimpan => "Tersimpan.",
        "Saved.";
    LaporanPerBaris => "Hasil pemeriksaan per baris",
        "Per-row check";
    LihatKolektif => "Lihat usulan kolektif",
        "View the collective proposal";
    MedianJam => "Median (jam)",
        "Median (hours)";
    Menunggu => "menunggu",
        "waiting";
    MenungguTerlama => "Menunggu paling lama",
        "Waiting longest";
    Nama => "Nama",
        "Name";
    NilaiBersama => "Nilai untuk semua pegawai dalam daftar",
        "Values for every employee in the list";
    NipGanda => "NIP muncul lebih dari sekali",
        "NIP appears more than once";
    Notifikasi => "Pemberitahuan",
        "Notifications";
    P90Jam => "Persentil 90 (jam)",
        "90th percentile (hours)";
    PakaiDariArsip => "Pakai dokumen dari arsip",
        "Use documents from the archive";
    PegawaiDiLuarCakupan => "NIP tidak ditemukan di instansi Anda",
        "NIP not found in your agency";
    PerStatus => "Usulan per status",
        "Proposals by status";
    PerbaikiUsulan => "Perbaiki dan ajukan ulang",
        "Revise and resubmit";
    PeriksaDaftar => "Periksa daftar",
        "Check the list";
    Peringatan => "Peringatan",
        "Warnings";
    Putaran => "putaran",
        "round";
    RiwayatUsulan => "Riwayat usulan",
        "Proposal history";
    Sah => "Sah",
        "Valid";
    Sebelum => "Sebelum",
        "Before";
    SebelumSesudah => "Sebelum dan sesudah",
        "Before and after";
    Sesudah => "Sesudah",
        "After";
    Setujui => "Setujui",
        "Approve";
    SetujuiSemua => "Setujui semua",
        "Approve all";
    SimpanDraf => "Simpan draf",
        "Save draft";
    StatistikUsulan => "Statistik usulan",
        "Proposal statistics";
    TanpaDokumen => "Tidak ada dokumen.",
        "No documents.";
    TanpaPerubahan => "Tidak ada data yang diubah.",
        "Nothing is changed.";
    Tolak => "Tolak",
        "Reject";
    UsulDariProfil => "Untuk mengoreksi atau menghapus baris tertentu, pilih tautan pada baris itu di Profil Saya.",
        "To correct or remove a particular row, use the link on that row in My profile.";
    UsulHapusPenjelasan => "Anda mengusulkan penghapusan baris riwayat ini.",
        "You are proposing to remove this history row.";
    UsulPerubahan => "Usulkan perubahan",
        "Propose a change";
    UsulanBukanGiliran => "Langkah ini tidak dapat dilakukan pada status usulan sekarang.",
        "This step is not possible in the proposal's current status.";
    UsulanKolektif => "Usulan kolektif",
        "Collective proposal";
    UsulanSaya => "Usulan saya",
        "My proposals";
    UsulanSendiri => "Pengusul tidak dapat memverifikasi usulannya sendiri.",
        "A proposer cannot verify their own proposal.";
    UsulanSudahDiputuskan => "Usulan ini sudah diproses oleh orang lain; halaman dimuat ulang dengan statusnya sekarang.",
        "Someone else already acted on this proposal; the page shows its current status.";
    WaktuPerStatus => "Waktu di setiap status (90 hari terakhir)",
        "Time in each status (last 90 days)";
    StatusUsulan => "Status",
        "Status";
    TambahBaris => "Usulkan tambah",
        "Propose an addition";
    Koreksi => "Koreksi",
        "Correct";
    Hapus => "Hapus",
        "Remove";
    KoreksiDataUtama => "Usulkan koreksi data utama",
        "Propose a correction of personal data";
    JamUmur => "jam",
        "hours";
    DokumenIdentitasBila => "Bila mengubah nama, gelar, tempat lahir, NIK atau nomor KK:",
        "When changing the name, titles, place of birth, NIK or family card number:";
    FotoKartu => "Foto kartu",
        "Card photo";
    PedomanFoto => "Pedoman foto",
        "Photo guidelines";
    PedomanTransparan => "Latar belakang transparan (PNG), sesuai surat edaran instansi",
        "Transparent background (PNG), as the agencies' letters ask";
    PedomanPakaian => "Berpakaian resmi / seragam dinas",
        "Formal attire or official uniform";
    PedomanWajah => "Wajah menghadap depan, di tengah, terlihat jelas",
        "Face forward, centred and clearly visible";
    PedomanRasio => "Perbandingan 3:4 (tegak); foto lain dipotong di tengah",
        "3:4 portrait ratio; other photos are cropped at the centre";
    PedomanResolusi => "Resolusi minimal",
        "Minimum resolution";
    PedomanBerkasPng => "Berkas PNG (JPEG tidak dapat berlatar transparan), paling besar",
        "PNG file (a JPEG cannot have a transparent background), at most";
    PedomanBerkas => "Berkas PNG atau JPEG, paling besar",
        "PNG or JPEG file, at most";
    FotoSekarang => "Foto kartu saat ini",
        "Current card photo";
    PilihFoto => "Pilih foto",
        "Choose a photo";
    UnggahFoto => "Unggah foto",
        "Upload photo";
    KartuAsn => "Kartu ASN Virtual",
        "Virtual civil-servant card";
    PratinjauKartu => "Pratinjau kartu",
        "Card preview";
    PratinjauPetunjuk => "Periksa foto pada kartu. Foto baru dipakai setelah Anda memilih \"Gunakan foto ini\".",
        "Check the photo on the card. The new photo is used only after you choose \"Use this photo\".";
    GunakanFoto => "Gunakan foto ini",
        "Use this photo";
    UnggahUlang => "Unggah foto lain",
        "Upload another photo";
    KartuBelumTersedia => "Kartu belum tersedia",
        "The card is not available yet";
    Orientasi => "Orientasi kartu",
        "Card orientation";
    Lanskap => "Lanskap",
        "Landscape";
    Potret => "Potret",
        "Portrait";
    SisiDepan => "Kartu ASN Virtual, sisi depan",
        "Virtual civil-servant card, front";
    SisiBelakang => "Kartu ASN Virtual, sisi belakang dengan kode QR",
        "Virtual civil-servant card, back with QR code";
    NomorKartu => "Nomor kartu",
        "Card number";
    Diterbitkan => "Diterbitkan",
        "Issued";
    BerlakuSampai => "Berlaku sampai",
        "Valid until";
    UnduhDepan => "Unduh sisi depan (PNG)",
        "Download front (PNG)";
    UnduhBelakang => "Unduh sisi belakang (PNG)",
        "Download back (PNG)";
    UnduhPdf => "Unduh PDF untuk dicetak",
        "Download PDF for printing";
    Cetak => "Tampilan cetak",
        "Print view";
    CetakPetunjuk => "Cetak dengan menu Cetak peramban (skala 100%); kartu tercetak seukuran KTP.",
        "Print with the browser's Print menu (100% scale); the card prints at ID-card size.";
    KartuDataBerubah => "Nama atau instansi Anda berubah sejak kartu ini diterbitkan. Terbitkan ulang kartu.",
        "Your name or agency changed since this card was issued. Reissue the card.";
    TerbitkanUlangPetunjuk => "Kartu baru menggantikan kartu ini; kode QR kartu lama tidak berlaku lagi.",
        "A new card replaces this one; the old card's QR code stops being valid.";
    TerbitkanUlang => "Terbitkan ulang kartu",
        "Reissue the card";
    KartuSiap => "Data Anda lengkap untuk Kartu ASN Virtual.",
        "Your record is complete for the virtual card.";
    TerbitkanKartu => "Terbitkan kartu",
        "Issue the card";
    PeriksaKartu => "Pemeriksaan Kartu ASN",
        "Civil-servant card check";
    PeriksaKartuPetunjuk => "Ketik huruf pada gambar untuk melihat data pemegang kartu.",
        "Type the characters in the image to see the card holder's details.";
    CaptchaSalah => "Jawaban tidak cocok. Coba lagi dengan gambar baru.",
        "The answer does not match. Try again with the new image.";
    CaptchaGambar => "Gambar berisi lima huruf atau angka",
        "Image showing five letters or digits";
    CaptchaKetik => "Huruf pada gambar",
        "Characters in the image";
    Periksa => "Periksa",
        "Check";
    CaptchaGanti => "Gambar sulit dibaca? Muat ulang halaman untuk gambar baru.",
        "Hard to read? Reload the page for a new image.";
    FotoPemegang => "Foto pemegang kartu",
        "Photo of the card holder";
    PeriksaKartuCatatan => "Data di atas harus sama dengan kartu yang ditunjukkan.",
        "The details above must match the card shown.";
    KlienNamaTidakSah => "nama klien wajib, paling panjang 120 karakter",
        "the client name is required, at most 120 characters";
    StatusDraf => "Draf", "Draft";
    StatusDiajukan => "Menunggu verifikasi instansi",
        "Waiting for agency verification";
    StatusDikembalikan => "Dikembalikan untuk perbaikan (BTS)",
        "Returned for correction";
    StatusMenungguBkn => "Menunggu verifikasi BKN",
        "Waiting for BKN verification";
    StatusSelesai => "Disetujui dan diterapkan",
        "Approved and applied";
    StatusDitolak => "Ditolak", "Rejected";
    StatusDibatalkan => "Dibatalkan", "Withdrawn";
    LingkupBaca => "membaca data pegawai dan riwayat",
        "read employee data and histories";
    LingkupTulis => "menyimpan, mengubah, menghapus riwayat",
        "save, update and delete histories";
    LingkupDokumen => "mengunduh dan mengunggah dokumen",
        "download and upload documents";
    LingkupLayanan => "daftar KP, pensiun dan unit organisasi",
        "promotion, retirement and unit lists";
    LingkupReferensi => "API referensi", "reference API";
    LingkupNik => "NIK tanpa disamarkan", "NIK unmasked";
    LingkupKeluarga => "data keluarga", "family data";
    LingkupAsuransi => "nomor BPJS, Taspen, NPWP tanpa disamarkan",
        "BPJS, Taspen and tax numbers unmasked";
    KolomNama => "Nama (tanpa gelar)", "Name (without titles)";
    KolomGelarDepan => "Gelar depan", "Title before name";
    KolomGelarBelakang => "Gelar belakang", "Title after name";
    KolomTempatLahir => "Tempat lahir", "Place of birth";
    KolomAgama => "Agama", "Religion";
    KolomStatusPerkawinan => "Status perkawinan", "Marital status";
    KolomAlamat => "Alamat", "Address";
    KolomNik => "NIK", "National ID number (NIK)";
    KolomNomorKk => "Nomor KK", "Family card number";
    KolomNpwp => "NPWP", "Tax number (NPWP)";
    KolomBpjs => "Nomor BPJS", "Health insurance number";
    KolomTaspen => "Nomor Taspen", "Pension fund number";
    KolomNomorHp => "Nomor HP", "Mobile phone";
    KolomEmailDinas => "E-mail dinas", "Work e-mail";
    KolomUnitKerja => "Unit kerja", "Work unit";
    NamaRiwayatJabatan => "Riwayat Jabatan", "Position history";
    NamaRiwayatPendidikan => "Riwayat Pendidikan", "Education history";
    NamaRiwayatDiklat => "Riwayat Diklat", "Structural training history";
    NamaRiwayatKursus => "Riwayat Kursus", "Course history";
    NamaRiwayatSkp => "SKP (sampai 2021)", "SKP (up to 2021)";
    NamaRiwayatSkp22 => "SKP (sejak 2022)", "SKP (from 2022)";
    NamaRiwayatPenghargaan => "Riwayat Penghargaan", "Awards";
    NamaRiwayatGolongan => "Riwayat Golongan", "Rank history";
    NamaRiwayatPasangan => "Data Pasangan", "Spouse";
    NamaRiwayatAnak => "Data Anak", "Children";
    NamaRiwayatOrangTua => "Data Orang Tua", "Parents";
    NamaRiwayatPmk => "Peninjauan Masa Kerja", "Service-period review (PMK)";
    NamaRiwayatPindahInstansi => "Riwayat Pindah Instansi", "Agency transfers";
    NamaRiwayatCltn => "Riwayat CLTN", "Unpaid leave (CLTN)";
    NamaRiwayatCpnsPns => "SK CPNS/PNS", "SK CPNS/PNS";
    NamaRiwayatOrganisasi => "Riwayat Organisasi", "Organisations";
    NamaRiwayatHukumanDisiplin => "Riwayat Hukuman Disiplin", "Disciplinary penalties";
    NamaRiwayatAngkaKredit => "Riwayat Angka Kredit", "Credit points";
    NamaRiwayatGaji => "Riwayat Gaji", "Salary history";
    NamaRiwayatPemberhentian => "Riwayat Pemberhentian", "Leaving the service";
    IsianNomorSK => "Nomor SK", "Decree number";
    IsianTanggalSK => "Tanggal SK", "Decree date";
    IsianJenisJabatan => "Jenis jabatan", "Position type";
    IsianNamaJabatan => "Nama jabatan", "Position name";
    IsianKodeJabatan => "Kode jabatan", "Position code";
    IsianKodeInstansi => "Kode instansi", "Agency code";
    IsianUnitOrganisasi => "Unit organisasi", "Organisation unit";
    IsianEselon => "Eselon", "Echelon";
    IsianJenisPenugasan => "Jenis penugasan", "Assignment type";
    IsianJenisMutasi => "Jenis mutasi", "Transfer type";
    IsianTMTJabatan => "TMT jabatan", "Position start date (TMT)";
    IsianTMTPelantikan => "TMT pelantikan", "Inauguration date";
    IsianTingkatPendidikan => "Tingkat pendidikan", "Education level";
    IsianProgramJurusan => "Program / jurusan", "Programme";
    IsianNamaSekolahKampus => "Nama sekolah / kampus", "School or university";
    IsianTahunLulus => "Tahun lulus", "Graduation year";
    IsianTanggalLulus => "Tanggal lulus", "Graduation date";
    IsianNomorIjazah => "Nomor ijazah", "Diploma number";
    IsianGelarDepan => "Gelar depan", "Title before name";
    IsianGelarBelakang => "Gelar belakang", "Title after name";
    IsianPendidikanSaatCPNS => "Pendidikan saat CPNS", "Education at appointment";
    IsianJenisDiklat => "Jenis diklat", "Training type";
    IsianNamaDiklat => "Nama diklat", "Training name";
    IsianNomorSertifikat => "Nomor sertifikat", "Certificate number";
    IsianTanggalMulai => "Tanggal mulai", "Start date";
    IsianTanggalSelesai => "Tanggal selesai", "End date";
    IsianJumlahJam => "Jumlah jam", "Hours";
    IsianPenyelenggara => "Penyelenggara", "Organiser";
    IsianJenisKursus => "Jenis kursus", "Course type";
    IsianNamaKursus => "Nama kursus", "Course name";
    IsianNIPPenilai => "NIP penilai", "Appraiser's NIP";
    IsianNamaPenilai => "Nama penilai", "Appraiser's name";
    IsianJabatanPenilai => "Jabatan penilai", "Appraiser's position";
    IsianTahun => "Tahun", "Year";
    IsianNilaiSKP => "Nilai SKP", "SKP score";
    IsianOrientasiPelayanan => "Orientasi pelayanan", "Service orientation";
    IsianIntegritas => "Integritas", "Integrity";
    IsianKomitmen => "Komitmen", "Commitment";
    IsianDisiplin => "Disiplin", "Discipline";
    IsianKerjaSama => "Kerja sama", "Teamwork";
    IsianKepemimpinan => "Kepemimpinan", "Leadership";
    IsianHasilKerja => "Hasil kerja", "Work results";
    IsianPerilakuKerja => "Perilaku kerja", "Work behaviour";
    IsianPredikatKinerja => "Predikat kinerja", "Performance rating";
    IsianUnitPenilai => "Unit penilai", "Appraiser's unit";
    IsianJenisPenghargaan => "Jenis penghargaan", "Award type";
    IsianNamaPenghargaan => "Nama penghargaan", "Award name";
    IsianGolonganRuang => "Golongan", "Rank (golongan)";
    IsianJenisKenaikanPangkat => "Jenis kenaikan pangkat", "Promotion type";
    IsianTMTGolongan => "TMT golongan", "Rank start date (TMT)";
    IsianNomorPertekBKN => "Nomor pertek BKN", "BKN technical approval number";
    IsianTanggalPertek => "Tanggal pertek", "Technical approval date";
    IsianMasaKerjaTahun => "Masa kerja (tahun)", "Service (years)";
    IsianMasaKerjaBulan => "Masa kerja (bulan)", "Service (months)";
    IsianAngkaKreditUtama => "Angka kredit utama", "Main credit points";
    IsianAngkaKreditTambahan => "Angka kredit tambahan", "Extra credit points";
    IsianNama => "Nama", "Name";
    IsianJenisKelamin => "Jenis kelamin", "Sex";
    IsianTempatLahir => "Tempat lahir", "Place of birth";
    IsianTanggalLahir => "Tanggal lahir", "Date of birth";
    IsianNIK => "NIK", "NIK";
    IsianASN => "ASN", "Civil servant";
    IsianNomorAktaNikah => "Nomor akta nikah", "Marriage certificate";
    IsianTanggalMenikah => "Tanggal menikah", "Marriage date";
    IsianNomorAktaCerai => "Nomor akta cerai", "Divorce certificate";
    IsianTanggalCerai => "Tanggal cerai", "Divorce date";
    IsianTanggalMeninggal => "Tanggal meninggal", "Date of death";
    IsianStatus => "Status", "Status";
    IsianStatusAnak => "Status anak", "Child status";
    IsianAyahIbu => "Ayah / ibu", "Father / mother";
    IsianInstansiPerusahaan => "Instansi / perusahaan", "Employer";
    IsianKodeInstansiAsal => "Kode instansi asal", "Agency from";
    IsianKodeInstansiTujuan => "Kode instansi tujuan", "Agency to";
    IsianTMTPindah => "TMT pindah", "Transfer date (TMT)";
    IsianTanggalAktifKembali => "Tanggal aktif kembali", "Return date";
    IsianTMT => "TMT", "Start date (TMT)";
    IsianGolongan => "Golongan", "Rank";
    IsianNomorSPMT => "Nomor SPMT", "SPMT number";
    IsianTanggalSPMT => "Tanggal SPMT", "SPMT date";
    IsianNomorSTTPL => "Nomor STTPL", "STTPL number";
    IsianTanggalSTTPL => "Tanggal STTPL", "STTPL date";
    IsianNamaOrganisasi => "Nama organisasi", "Organisation";
    IsianJabatanOrganisasi => "Jabatan", "Role";
    IsianJenisHukuman => "Jenis hukuman", "Penalty type";
    IsianTingkat => "Tingkat", "Level";
    IsianAlasan => "Alasan", "Reason";
    IsianTMTHukuman => "TMT hukuman", "Penalty start (TMT)";
    IsianMasaBulan => "Masa (bulan)", "Duration (months)";
    IsianJabatan => "Jabatan", "Position";
    IsianMulaiPenilaianTahun => "Mulai penilaian (tahun)", "Assessed from (year)";
    IsianMulaiPenilaianBulan => "Mulai penilaian (bulan)", "Assessed from (month)";
    IsianSelesaiPenilaianTahun => "Selesai penilaian (tahun)", "Assessed to (year)";
    IsianSelesaiPenilaianBulan => "Selesai penilaian (bulan)", "Assessed to (month)";
    IsianAngkaKreditPenunjang => "Angka kredit penunjang", "Supporting credit points";
    IsianAngkaKreditTotal => "Angka kredit total", "Total credit points";
    IsianPenilaianPertama => "Penilaian pertama", "First assessment";
    IsianGajiPokokRp => "Gaji pokok (Rp)", "Basic salary (IDR)";
    IsianMasaKerjaGolonganTahun => "Masa kerja golongan (tahun)", "Service in rank (years)";
    IsianTMTGaji => "TMT gaji", "Salary start (TMT)";
    LayananStatusInputBerkas => "Melengkapi berkas", "Completing the file";
    LayananStatusBerkasDisimpan => "Berkas lengkap, siap diusulkan", "File complete, ready to propose";
    LayananStatusSuratUsulan => "Menunggu persetujuan pejabat instansi",
        "Waiting for the agency official's approval";
    LayananStatusApproval => "Di BKN, menunggu validasi", "At BKN, waiting for validation";
    LayananStatusPerbaikan => "Dikembalikan pejabat instansi untuk perbaikan",
        "Returned by the agency official for correction";
    LayananStatusTms => "Tidak memenuhi syarat (TMS)", "Does not meet the requirements (TMS)";
    LayananStatusBts => "Dikembalikan BKN: perbaiki berkas (BTS)",
        "Returned by BKN: fix the documents (BTS)";
    LayananStatusDisetujui => "Disetujui BKN, menunggu pertek", "Approved by BKN, pertek pending";
    LayananStatusPertek => "Pertek terbit, menunggu SK", "Pertek issued, SK pending";
    LayananStatusSelesai => "SK terbit, data kepegawaian diperbarui",
        "SK issued, personnel record updated";
    LayananStatusDihapus => "Dihapus", "Deleted";
    LayananStatusPersetujuanAsal => "Menunggu persetujuan instansi asal",
        "Waiting for the origin agency's consent";
    LayananStatusDitolakAsal => "Tidak disetujui instansi asal", "Refused by the origin agency";
    LayananStatusSkAsal => "SK instansi penerima terbit, menunggu SK instansi asal",
        "Receiving agency's SK issued, origin agency's SK pending";
    LayananLangkahBuat => "Usul dibuat", "Case started";
    LayananLangkahSimpanBerkas => "Simpan berkas lengkap", "Save the complete file";
    LayananLangkahAjukan => "Usulkan ke pejabat", "Propose to the official";
    LayananLangkahSetujuiInstansi => "Setujui usulan", "Approve the proposal";
    LayananLangkahKembalikanInstansi => "Kembalikan ke operator", "Return to the operator";
    LayananLangkahSetujuiBkn => "Setujui (memenuhi syarat)", "Approve (meets the requirements)";
    LayananLangkahBts => "Kembalikan: berkas tidak sesuai (BTS)", "Return: documents not in order (BTS)";
    LayananLangkahTms => "Tolak: tidak memenuhi syarat (TMS)", "Reject: requirements not met (TMS)";
    LayananLangkahPertek => "Terbitkan dan tandatangani pertek", "Issue and sign the pertek";
    LayananLangkahSk => "Tandatangani SK", "Sign the SK";
    LayananLangkahUnggahSk => "Unggah SK yang ditandatangani di luar sistem",
        "Upload an SK signed outside the system";
    LayananLangkahHapus => "Hapus usul", "Delete the case";
    LayananLangkahSetujuiAsal => "Setujui pindah (instansi asal)", "Consent to the transfer (origin agency)";
    LayananLangkahTolakAsal => "Tidak setujui pindah", "Refuse the transfer";
    LayananLangkahSkAsal => "Tandatangani SK pemberhentian dari jabatan",
        "Sign the SK releasing the old position";
    LayananTujuanKanreg => "Kantor Regional BKN", "BKN Regional Office";
    LayananTujuanPusat => "BKN Pusat", "BKN Headquarters";
    LayananTujuanInstansi => "Pejabat Pembina Kepegawaian instansi (tanpa pertimbangan teknis BKN)", "The agency's PPK (no BKN pertek)";
    LayananTujuanPresiden => "Presiden (melalui SIAPP)", "The President (through SIAPP)";
    LayananKp => "Kenaikan pangkat", "Promotion";
    LayananPensiun => "Pensiun dan pemberhentian", "Retirement and dismissal";
    LayananCltn => "CLTN, tugas belajar dan pejabat negara", "Unpaid leave, study and state office";
    LayananMpp => "Masa persiapan pensiun", "Pre-retirement leave";
    LayananPemberhentianSementara => "Pemberhentian sementara", "Temporary dismissal";
    LayananPindahInstansi => "Pindah instansi", "Transfer between agencies";
    LayananCpns => "Pengangkatan CPNS (SK CPNS)", "CPNS appointment (SK CPNS)";
    PengadaanSpmt => "Nomor SPMT", "SPMT number";
    PengadaanUsulSk => "Usulkan SK CPNS", "Propose the SK CPNS";
    PengadaanMenungguSk => "menunggu SK CPNS", "waiting for the SK CPNS";
    PindahCatatan => "Instansi penerima mengusulkan pegawai dari instansi lain ke jabatan yang lowong di peta jabatannya. Instansi asal memberi persetujuan dan menandatangani SK pemberhentian dari jabatan; BKN atau Kantor Regional menerbitkan pertimbangan teknis. Data pegawai pindah pada TMT.",
        "The receiving agency proposes an employee of another agency into a vacant post of its register. The origin agency consents and signs the release from the old position; BKN or the Regional Office issues the pertek. The record moves on the TMT.";
    PindahUsul => "Usul pindah masuk", "Propose a transfer in";
    PindahJabatanTujuan => "Jabatan tujuan (yang lowong)", "Receiving post (vacant)";
    PindahTanpaLowong => "Belum ada jabatan lowong di peta jabatan.", "No vacant post in the register yet.";
    PindahTmt => "TMT pindah (tanggal 1)", "Transfer TMT (the first of a month)";
    PindahMasuk => "Pindah masuk", "Transfers in";
    PindahKeluar => "Pindah keluar", "Transfers out";
    PindahLainnya => "Usul pindah instansi", "Transfer cases";
    PindahBatas => "Batas waktu", "Due";
    PindahTidakDitemukan => "Tidak ada PNS dengan NIP itu, atau jabatan tujuan bukan milik instansi Anda.",
        "No civil servant has that NIP, or the receiving post is not your agency's.";
    PindahAsal => "Asal", "From";
    PindahTujuan => "Tujuan", "To";
    PindahUsulNomor => "Usul instansi penerima", "Receiving agency's proposal";
    PindahPersetujuan => "Persetujuan instansi asal", "Origin agency's consent";
    PindahSkAsal => "SK pemberhentian dari jabatan (instansi asal)", "Release SK (origin agency)";
    PindahDiterapkan => "Data pegawai dipindahkan", "Record moved";
    PengadaanJudul => "Pengadaan CPNS dan PPPK", "CPNS and PPPK appointments";
    PengadaanCatatan => "Instansi mengimpor hasil seleksi satu formasi (CSV dengan kolom SIASN); BKN menetapkan NIP atau NI PPPK sesuai aturan dan data pegawai dibuat dengan kedudukan \"CPNS yang belum menerima SK CPNS\".",
        "The agency imports a formasi's selection results (CSV with SIASN's columns); BKN assigns the NIP or NI PPPK by the rule and the employee record is created as \"CPNS without SK CPNS yet\".";
    PengadaanImpor => "Impor hasil seleksi", "Import selection results";
    PengadaanBerkas => "Berkas CSV peserta", "Participant CSV file";
    PengadaanTahun => "Tahun formasi", "Formasi year";
    PengadaanTmt => "TMT CPNS / awal kontrak", "TMT CPNS / contract start";
    PengadaanDiimpor => "peserta diimpor", "participants imported";
    PengadaanDitolak => "Tidak ada yang diimpor. Perbaiki baris berikut lalu impor ulang seluruh berkas:",
        "Nothing was imported. Fix these rows and import the whole file again:";
    PengadaanBaris => "Baris", "Line";
    PengadaanKolom => "Kolom", "Column";
    PengadaanMasalah => "Masalah", "Problem";
    PengadaanBukanUtf8 => "berkas bukan teks UTF-8 (simpan ulang sebagai CSV UTF-8)", "the file is not UTF-8 text (save it again as CSV UTF-8)";
    PengadaanKolomHilang => "kolom wajib tidak ada", "a required column is missing";
    PengadaanKolomAsing => "kolom tidak dikenal", "unknown column";
    PengadaanTerlaluBanyak => "terlalu banyak baris untuk satu impor", "too many rows for one import";
    PengadaanCsvRusak => "baris CSV rusak (jumlah kolom tidak sesuai)", "malformed CSV line (wrong number of fields)";
    PengadaanKosong => "berkas tidak berisi peserta", "the file has no participants";
    PengadaanTerlaluBesar => "berkas terlalu besar", "the file is too large";
    PengadaanTetapkan => "Tetapkan NIP / NI PPPK", "Assign NIP / NI PPPK";
    PengadaanDitetapkan => "nomor induk ditetapkan", "numbers assigned";
    PengadaanHabis => "peserta tanpa nomor: semua urutan sudah terpakai", "participants without a number: every sequence is taken";
    PengadaanBelum => "belum ditetapkan", "not assigned yet";
    PengadaanNomorPeserta => "No. peserta", "Registration no.";
    PengadaanPeserta => "Peserta", "Participants";
    PengadaanPilihInstansi => "Pilih instansi", "Choose the agency";
    PindahStatusMenungguTmt => "Semua SK terbit; data pegawai dipindahkan pada TMT",
        "All SKs issued; the record moves on the TMT";
    PindahSkTujuan => "SK pengangkatan dalam jabatan (instansi penerima)", "SK of the new position (receiving agency)";
    PindahMenungguTmt => "Menunggu TMT; data dipindahkan otomatis pada tanggal itu", "Waiting for the TMT; the record moves on that day";
    CltnUsul => "Usul perubahan status (CLTN, tugas belajar, MPP, pemberhentian sementara)", "Status change (leave, study, pre-retirement, temporary dismissal)";
    CltnJudul => "Perubahan status kepegawaian", "Employment status changes";
    LayananJenis => "Layanan", "Service";
    LayananKeterangan => "Keterangan", "Details";
    CltnCatatan => "CLTN diberikan kepada PNS aktif dengan masa kerja paling sedikit 5 tahun, paling lama 3 tahun, dan dapat diperpanjang sekali paling lama 1 tahun. Pengaktifan kembali setelah CLTN atau setelah menjadi pejabat negara memerlukan formasi yang lowong dan laporan paling lambat 1 bulan setelah masanya berakhir. Tugas belajar dicatat di riwayat yang sama; pegawai kembali ke jabatannya tanpa syarat formasi. Masa persiapan pensiun (MPP) atas permintaan PNS paling lama 1 tahun dan berakhir sehari sebelum TMT pensiun. Pemberhentian sementara karena penahanan mengikuti surat perintah penahanan dan perpanjangannya; pengaktifan kembali memerlukan formasi yang lowong. MPP dan pemberhentian sementara ditetapkan oleh PPK tanpa pertimbangan teknis BKN.", "Unpaid leave is for an active PNS with at least 5 years of service, for at most 3 years, extendable once by at most a year. The return after leave or a state office needs a vacant post and a report within a month of its end. A study assignment is recorded in the same history; the employee returns to their post without a vacancy. Pre-retirement leave (MPP) is on the PNS's request, at most a year, ending the day before the pension TMT. A temporary dismissal while detained follows the detention order and its extensions; the return needs a vacant post. MPP and temporary dismissal are decided by the agency's PPK without a BKN pertek.";
    CltnJenis => "Jenis usul", "Kind of case";
    Ya => "Ya", "Yes";
    Tidak => "Tidak", "No";
    CltnMulai => "Mulai berlaku", "Starts";
    CltnBerjalan => "Status yang sedang berjalan", "Statuses running now";
    CltnBerjalanKosong => "Tidak ada pegawai yang sedang CLTN, tugas belajar, jabatan negara, pemberhentian sementara, atau MPP.", "Nobody is on leave, study, state office, temporary dismissal or pre-retirement leave.";
    CltnStatus => "Status", "Status";
    CltnBerakhir => "Berakhir", "Ends";
    CltnBatasLapor => "Batas melapor kembali", "Report back by";
    CltnLewatBatas => "Lewat batas melapor: usulkan pemberhentian bila tidak melapor", "Past the report-back deadline: propose the dismissal if they did not report";
    CltnSegeraBerakhir => "Berakhir dalam 30 hari", "Ends within 30 days";
    CltnSelesai => "Berakhir (setelah perpanjangan, bila diperpanjang; MPP: otomatis sehari sebelum TMT pensiun)", "Ends (after the extension, for one; MPP: the day before the pension TMT)";
    CltnAktif => "Tanggal aktif kembali", "Back on duty";
    CltnFormasi => "Formasi jabatan pegawai", "The employee's post in the register";
    CltnFormasiCatatan => "Pengaktifan kembali (kecuali dari tugas belajar) diperiksa terhadap peta jabatan: jabatan pegawai di unitnya harus masih lowong.", "A return (except from study) is checked against the formasi register: the employee's post in their unit must have a vacancy.";
    FormasiJudul => "Peta jabatan (formasi)", "Formasi register";
    FormasiCatatan => "Kebutuhan tiap jabatan per unit menurut analisis beban kerja, dan jumlah pemangkunya sekarang (pegawai aktif dan tugas belajar; CLTN, jabatan negara, pemberhentian sementara, dan MPP melepas jabatan). Pengaktifan kembali hanya ke jabatan yang lowong.", "Each post's planned holders per unit from the workload analysis, and its holders now (active and on study; leave, state office, temporary dismissal and pre-retirement release the post). A return goes only into a post with a vacancy.";
    FormasiUnor => "Unit kerja", "Unit";
    FormasiJabatan => "Jabatan", "Position";
    FormasiKebutuhan => "Kebutuhan", "Planned";
    FormasiTerisi => "Terisi", "Held";
    FormasiLowong => "Lowong", "Vacant";
    FormasiBelumDicatat => "belum dicatat", "not in the register";
    FormasiAtur => "Atur kebutuhan", "Set the planned holders";
    FormasiUbah => "Ubah", "Change";
    FormasiTersimpan => "Peta jabatan disimpan.", "Register saved.";
    FormasiPilihInstansi => "Peta jabatan dikelola per instansi; masuk sebagai operator atau pejabat satu instansi.", "The register is kept per agency; sign in as an operator or official of one agency.";
    JenisPensiun => "Jenis pensiun", "Kind of pension";
    PensiunJenisPemberhentian => "Jenis pemberhentian", "Reason for leaving";
    PensiunTmt => "TMT pensiun/pemberhentian", "Effective date";
    PensiunBup => "Batas usia pensiun (BUP)", "Retirement age (BUP)";
    PensiunMasaKerja => "Masa kerja pensiun", "Pensionable service";
    PensiunKedudukanBaru => "Kedudukan hukum", "Legal status";
    PensiunTanggalPeristiwa => "Tanggal peristiwa", "Date of the event";
    PensiunAhliWaris => "Pensiun janda/duda mulai", "Survivor's pension from";
    PensiunKeluarga => "Keluarga (DPCP)", "Family (DPCP)";
    PensiunDaftar => "Daftar pensiun", "Retirement list";
    PensiunDaftarCatatan => "Pegawai yang mencapai batas usia pensiun (BUP) dalam rentang tanggal, dan setiap usul pensiun atau pemberhentian dengan TMT di dalamnya. BUP diambil dari jabatan; TMT pensiun adalah tanggal 1 bulan berikutnya setelah bulan mencapai BUP.", "Employees reaching retirement age (BUP) in the date range, and every pension or dismissal case with its effective date in it. BUP comes from the position; retirement takes effect on the 1st of the month after the BUP month.";
    PensiunDari => "Dari", "From";
    PensiunSampai => "Sampai", "To";
    PensiunJumlah => "Jumlah", "Total";
    PensiunUsulBup => "Usulkan pensiun BUP", "Propose BUP retirement";
    PensiunBelumDiusulkan => "Belum diusulkan", "Not proposed yet";
    PensiunUsulLain => "Usul pensiun atau pemberhentian lain", "Other pension or dismissal";
    PensiunBuat => "Buat usul", "Start the case";
    PensiunSesuaiJenis => "Sesuai jenis pensiun", "As the kind of pension says";
    PensiunTmtCatatan => "Kosongkan untuk pensiun BUP dan pensiun karena peristiwa (TMT dihitung otomatis).", "Leave empty for BUP and event-based pensions (the date is worked out).";
    HakPensiun => "Hak pensiun", "Pension right";
    BerhakPensiun => "Berhak atas pensiun", "Entitled to a pension";
    TidakBerhakPensiun => "Tidak berhak atas pensiun", "Not entitled to a pension";
    LayananJudul => "Layanan kepegawaian", "Personnel services";
    LayananJam => "jam", "hours";
    LayananAntreanSaya => "Menunggu tindakan saya", "Waiting for me";
    LayananSemua => "Semua", "All";
    LayananPeriode => "Periode (TMT)", "Period (TMT)";
    LayananStatus => "Status", "Status";
    LayananMenunggu => "Menunggu", "Waiting";
    LayananGolongan => "Golongan", "Rank";
    LayananJenisKp => "Jenis KP", "Promotion kind";
    LayananTidakAda => "Tidak ada usul pada filter ini.", "No cases match this filter.";
    LayananPrediksi => "Prediksi kenaikan pangkat", "Promotion prediction";
    LayananPrediksiCatatan => "Semua pegawai yang pangkatnya dapat naik pada periode ini, memenuhi syarat atau belum, dengan alasannya. Pilih yang akan diusulkan.",
        "Every employee whose rank could rise at this period, eligible or not, with the reasons. Choose whom to propose.";
    LayananMemenuhi => "Memenuhi syarat", "Eligible";
    LayananBelumMemenuhi => "Belum memenuhi", "Not yet eligible";
    LayananDapatDiusulkan => "Dapat diusulkan (perlu bukti dokumen)", "Can be proposed (needs documentary proof)";
    LayananMulai => "Buat usul untuk yang dipilih", "Start cases for the selected";
    LayananSudahDiusulkan => "Sudah ada usul", "Case exists";
    LayananHasilMulai => "Hasil pembuatan usul", "Cases started";
    LayananDibuat => "usul dibuat", "case started";
    LayananTampilkan => "Tampilkan", "Show";
    LayananDataUsul => "Data usul", "Case data";
    LayananGajiLama => "Gaji pokok lama", "Old base salary";
    LayananGajiBaru => "Gaji pokok baru", "New base salary";
    LayananGajiLamaBaru => "Gaji pokok (lama → baru)", "Base salary (old → new)";
    LayananMkg => "Masa kerja golongan", "Years in rank";
    LayananTujuan => "Diputuskan oleh", "Decided by";
    LayananPutaran => "Putaran", "Round";
    LayananAlasanTerakhir => "Alasan dari pemeriksa", "Reviewer's reason";
    LayananBerkas => "Berkas", "File";
    LayananSyarat => "Dokumen yang diperlukan", "Documents needed";
    LayananSalahSatu => "salah satu dari", "one of";
    LayananTerpenuhi => "terpenuhi", "provided";
    LayananKurang => "belum ada", "missing";
    LayananDariArsip => "Ambil dari arsip pegawai", "Take from the employee's archive";
    LayananUnggahBaru => "Unggah dokumen baru (masuk ke arsip pegawai)", "Upload a new document (filed in the employee's archive)";
    LayananLampirkan => "Lampirkan", "Attach";
    LayananLepas => "Lepas", "Detach";
    LayananSurat => "Surat", "Letters";
    LayananPertek => "Pertimbangan teknis (pertek)", "Technical approval (pertek)";
    LayananSk => "Surat keputusan (SK)", "Decree (SK)";
    LayananNomorSk => "Nomor SK", "SK number";
    LayananTanggalSk => "Tanggal SK", "SK date";
    LayananJejak => "Riwayat langkah", "Steps taken";
    LayananTindakan => "Tindakan", "Actions";
    LayananAlasan => "Alasan (wajib untuk pengembalian dan penolakan)", "Reason (required to return or reject)";
    LayananTersimpan => "Langkah tersimpan.", "Step saved.";
    TtdFrasa => "Passphrase sertifikat elektronik", "Electronic certificate passphrase";
    TtdSertifikatSaya => "Sertifikat tanda tangan elektronik", "Electronic signature certificate";
    TtdPengantar => "Pertek dan SK ditandatangani secara elektronik dengan sertifikat Anda. Passphrase hanya Anda yang tahu; sistem tidak menyimpannya dan tidak dapat memulihkannya.",
        "Pertek and SK are signed electronically with your certificate. Only you know the passphrase; the system does not keep it and cannot recover it.";
    TtdBelumPunya => "Anda belum memiliki sertifikat elektronik aktif.", "You have no active electronic certificate.";
    TtdBuatJudul => "Buat sertifikat dari CA instans", "Make a certificate from the instance CA";
    TtdBuatCatatan => "CA instans bukan CA pemerintah (BSrE); gunakan untuk uji coba atau bila instans belum memakai sertifikat BSrE.",
        "The instance CA is not a government CA (BSrE); use it for trials or where the instance does not use BSrE certificates yet.";
    TtdFrasaBaru => "Passphrase baru (minimal {} karakter)", "New passphrase (at least {} characters)";
    TtdFrasaUlang => "Ulangi passphrase", "Repeat the passphrase";
    TtdFrasaTidakSama => "Kedua passphrase tidak sama.", "The two passphrases differ.";
    TtdJabatan => "Jabatan yang tertulis di sertifikat", "Position written in the certificate";
    TtdBuat => "Buat sertifikat", "Make the certificate";
    TtdImporJudul => "Impor sertifikat PKCS#12 (BSrE)", "Import a PKCS#12 certificate (BSrE)";
    TtdBerkasP12 => "Berkas .p12 / .pfx", "File .p12 / .pfx";
    TtdFrasaP12 => "Passphrase berkas", "The file's passphrase";
    TtdImpor => "Impor", "Import";
    TtdTersimpan => "Sertifikat tersimpan; Anda dapat menandatangani pertek atau SK.", "Certificate saved; you can sign a pertek or an SK.";
    TtdSudahAda => "Anda sudah memiliki sertifikat aktif; minta admin mencabutnya lebih dahulu.", "You already have an active certificate; ask an admin to revoke it first.";
    TtdSumber => "Sumber", "Source";
    TtdPemegang => "Pemegang sertifikat", "Certificate holder";
    TtdSumberPkcs12 => "Diimpor (PKCS#12)", "Imported (PKCS#12)";
    TtdSumberCa => "CA instans (bukan CA pemerintah)", "Instance CA (not a government CA)";
    TtdBerlaku => "Masa berlaku", "Validity";
    TtdFrasaBantuan => "Diperlukan untuk menerbitkan pertek atau menandatangani SK; dokumen ditandatangani secara elektronik atas nama Anda.",
        "Needed to issue a pertek or sign an SK; the document is signed electronically in your name.";
    VerifikasiJudul => "Periksa keaslian dokumen", "Check a document's authenticity";
    VerifikasiPengantar => "Unggah PDF yang ditandatangani secara elektronik oleh instans ini untuk memeriksa tanda tangan dan keasliannya.",
        "Upload a PDF signed electronically by this instance to check its signature and authenticity.";
    VerifikasiUnggah => "Periksa PDF", "Check the PDF";
    VerifikasiBerkas => "Berkas PDF", "PDF file";
    VerifikasiTerlaluBesar => "Berkas terlalu besar untuk diperiksa di sini.", "The file is too large to check here.";
    VerifikasiBukanPdf => "Berkas ini bukan PDF yang dapat dibaca.", "This file is not a readable PDF.";
    VerifikasiTanpaTtd => "PDF ini tidak memuat tanda tangan elektronik.", "This PDF carries no electronic signature.";
    VerifikasiSah => "Tanda tangan elektronik sah dan dokumen tidak berubah sejak ditandatangani.",
        "The electronic signature is valid and the document has not changed since it was signed.";
    VerifikasiTidakSah => "Tanda tangan elektronik TIDAK sah: lihat rinciannya di bawah.",
        "The electronic signature is NOT valid: see the details below.";
    VerifikasiPenanda => "Ditandatangani oleh", "Signed by";
    VerifikasiWaktu => "Waktu penandatanganan", "Signing time";
    VerifikasiSertifikat => "Sertifikat", "Certificate";
    VerifikasiStempel => "Stempel waktu (TSA)", "Timestamp (TSA)";
    VerifikasiStempelTidakAda => "tidak ada; waktu di atas menurut penanda tangan", "none; the time above is the signer's claim";
    VerifikasiPenerbit => "Diterbitkan oleh", "Issued by";
    VerifikasiRantai => "Rantai sertifikat", "Certificate chain";
    VerifikasiUtuh => "Isi dokumen", "Document content";
    VerifikasiUtuhYa => "tidak berubah sejak ditandatangani", "unchanged since signing";
    VerifikasiUtuhTidak => "BERUBAH atau tanda tangan rusak", "CHANGED or the signature is broken";
    VerifikasiSeluruh => "Cakupan", "Coverage";
    VerifikasiSeluruhYa => "seluruh dokumen", "the whole document";
    VerifikasiSeluruhTidak => "ada isi yang ditambahkan sesudah tanda tangan ini", "content was added after this signature";
    VerifikasiPercaya => "Kepercayaan", "Trust";
    VerifikasiPercayaTidak => "tidak berakar pada CA yang dipercaya instans ini", "not rooted in a CA this instance trusts";
    VerifikasiStatusBerlaku => "berlaku dan tidak dicabut saat menandatangani", "valid and not revoked when it signed";
    VerifikasiStatusTidakBerlaku => "di luar masa berlaku saat menandatangani", "outside its validity when it signed";
    VerifikasiStatusDicabutSebelum => "sudah dicabut saat menandatangani", "already revoked when it signed";
    VerifikasiStatusDicabutSesudah => "dicabut sesudah menandatangani (tanda tangan tetap sah)", "revoked after signing (the signature stands)";
    VerifikasiStatusSertifikat => "Status sertifikat", "Certificate status";
    VerifikasiTerbitan => "Salinan terbitan sistem", "Copy issued by the system";
    VerifikasiTerbitanYa => "sama persis dengan dokumen yang diterbitkan", "identical to the document issued";
    VerifikasiTerbitanTidak => "tidak sama dengan dokumen mana pun yang diterbitkan instans ini", "not identical to any document this instance issued";
    VerifikasiKode => "Dokumen terdaftar", "Registered document";
    VerifikasiKodeTidakAda => "Kode dokumen ini tidak terdaftar di instans ini; dokumen dengan kode QR ini bukan terbitan sistem.",
        "This document code is not registered at this instance; a document with this QR code was not issued by the system.";
    VerifikasiKodePengantar => "Dokumen dengan kode ini diterbitkan dan ditandatangani secara elektronik oleh sistem. Unggah PDF-nya untuk memastikan isinya sama.",
        "A document with this code was issued and signed electronically by the system. Upload its PDF to make sure its content is the same.";
    VerifikasiJenis => "Jenis dokumen", "Document kind";
    VerifikasiJudulDokumen => "Judul", "Title";
    VerifikasiNomor => "Nomor", "Number";
    VerifikasiSidik => "Sidik SHA-256", "SHA-256 fingerprint";

    LayananSudahBerubah => "Usul ini baru saja diubah orang lain; tidak ada yang diubah. Periksa keadaannya sekarang.",
        "Someone else just changed this case; nothing was changed. Check where it stands now.";
    LayananSaya => "Layanan kepegawaian saya", "My personnel services";
    LayananBelumAda => "Belum ada usul layanan untuk Anda.", "No service cases for you yet.";
    LayananTahapan => "Tahapan", "Stages";
    LayananUnitKerja => "Unit kerja", "Unit";
    LayananPegawaiLuar => "pegawai tidak ditemukan di instansi Anda", "employee not found in your agency";
    LayananTahun => "tahun", "years";
    LayananBulan => "bulan", "months";
    LayananMenu => "Layanan kepegawaian", "Personnel services";
    LayananInstansi => "Instansi", "Agency";
    LayananKandidat => "Dapat naik pada periode ini", "Could rise at this period";
    LayananPilihInstansi => "Pilih instansi untuk melihat daftar pegawainya.", "Choose an agency to see its employees.";
    LayananEmberInput => "Input berkas", "Being filed";
    LayananEmberDiajukan => "Diusulkan", "Proposed";
    LayananEmberBts => "BTS", "Returned (BTS)";
    LayananEmberTms => "TMS", "Rejected (TMS)";
    LayananEmberPertek => "Sudah TTD pertek", "Pertek signed";
    LayananEmberSelesai => "SK terbit", "SK issued";
    LayananEmberDihapus => "Dihapus", "Deleted";
    LayananRingkasan => "Ringkasan", "Summary";
}
