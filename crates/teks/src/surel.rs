//! E-mail bodies. Each message carries both languages, Indonesian first, because the sender
//! does not know which one the recipient reads; no personal data beyond the recipient's name.

/// A message's subject and plain-text body.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Surat {
    /// Subject.
    pub subjek: String,
    /// Body.
    pub isi: String,
}

/// The activation or reset token.
pub fn token(nama: &str, instance: &str, token: &str, url: &str, menit: i64) -> Surat {
    Surat {
        subjek: format!("Token {instance} Anda"),
        isi: format!(
            "Yth. {nama},\n\nToken {instance} Anda: {token}\n\nMasukkan token ini bersama NIP dan kata sandi baru di {url}/atur-sandi .\nToken berlaku {menit} menit dan hanya dapat dipakai sekali.\n\nJika Anda tidak memintanya, abaikan e-mail ini; kata sandi Anda tidak berubah.\n\n-- \n(English) Your {instance} token is {token}. Enter it with your NIP and a new password at {url}/atur-sandi within {menit} minutes.\n",
        ),
    }
}

/// The password was set; every other session ended.
pub fn sandi_diubah(nama: &str, instance: &str) -> Surat {
    Surat {
        subjek: format!("Kata sandi {instance} Anda telah diubah"),
        isi: format!(
            "Yth. {nama},\n\nKata sandi akun {instance} Anda baru saja diatur. Semua sesi lain telah diakhiri.\nJika bukan Anda yang melakukannya, segera hubungi unit kepegawaian instansi Anda.\n\n-- \n(English) Your {instance} password was just set and every other session ended. If this was not you, contact your agency's HR unit at once.\n",
        ),
    }
}

/// The account was locked after repeated failed sign-ins: until when, how to get in sooner,
/// and what to do if it was not the owner.
pub fn akun_dikunci(nama: &str, instance: &str, sampai: (&str, &str), url: &str) -> Surat {
    let (sampai_id, sampai_en) = sampai;
    Surat {
        subjek: format!("Akun {instance} Anda dikunci sementara"),
        isi: format!(
            "Yth. {nama},\n\nAkun {instance} Anda dikunci sampai {sampai_id} karena kata sandi salah dimasukkan beberapa kali berturut-turut.\nSetelah waktu itu Anda dapat masuk kembali seperti biasa.\nAgar dapat masuk lebih cepat, atur ulang kata sandi lewat \"Lupa kata sandi\" di {url}/lupa-sandi ; kunci dibuka saat kata sandi baru diatur.\nJika bukan Anda yang mencoba masuk, atur ulang kata sandi Anda dan beri tahu unit kepegawaian instansi Anda.\n\n-- \n(English) Your {instance} account is locked until {sampai_en} after several wrong passwords in a row. You can sign in again after that, or sooner by resetting your password at {url}/lupa-sandi . If it was not you, reset your password and tell your agency's HR unit.\n",
        ),
    }
}

/// The agency changed the registered e-mail (sent to the old and the new address).
pub fn email_diubah(nama: &str, instance: &str, baru: &str, alasan: &str) -> Surat {
    Surat {
        subjek: format!("E-mail terdaftar {instance} Anda diubah"),
        isi: format!(
            "Yth. {nama},\n\nUnit kepegawaian instansi Anda mengubah e-mail terdaftar akun {instance} Anda menjadi {baru}.\nAlasan: {alasan}\nJika ini tidak benar, segera hubungi unit kepegawaian instansi Anda.\n\n-- \n(English) Your agency's HR unit changed the registered e-mail of your {instance} account to {baru}.\n",
        ),
    }
}

/// A service case's status changed: no personal data, a link to sign in.
pub fn status_layanan(layanan: (&str, &str), status: (&str, &str), url: &str) -> Surat {
    Surat {
        subjek: format!("SIASN: {} — {}", layanan.0, status.0),
        isi: format!(
            "Status usul {} Anda sekarang: {}.\n\
             Rinciannya dapat dilihat setelah masuk: {url}\n\n\
             Your {} case is now: {}.\n",
            layanan.0.to_lowercase(),
            status.0,
            layanan.1.to_lowercase(),
            status.1
        ),
    }
}

/// A proposal's status changed: what it changes and its new status in words (no personal
/// data), and a link to it behind sign-in.
pub fn status_usulan(kode_jenis: &str, status: (&str, &str), url_usulan: &str) -> Surat {
    let jenis_id = crate::label_jenis_usulan(kode_jenis, crate::Bahasa::Indonesia);
    let jenis_en = crate::label_jenis_usulan(kode_jenis, crate::Bahasa::Inggris);
    let (status_id, status_en) = status;
    Surat {
        subjek: format!("SIASN: usulan {jenis_id} — {status_id}"),
        isi: format!(
            "Status usulan peremajaan data Anda ({jenis_id}) sekarang: {status_id}.\n\
             Rinciannya dapat dilihat setelah masuk: {url_usulan}\n\n\
             The status of your data-update proposal ({jenis_en}) is now: {status_en}.\n"
        ),
    }
}

/// Retirement is near: roughly when, and where to follow it (no dates of birth, no names).
pub fn pensiun_mendekat(bulan: u32, url: &str) -> Surat {
    Surat {
        subjek: format!("SIASN: batas usia pensiun Anda dalam {bulan} bulan"),
        isi: format!(
            "Menurut data SIASN, Anda mencapai batas usia pensiun (BUP) dalam sekitar {bulan} bulan.\n\
             Tanggal TMT pensiun dan kelengkapan berkas Anda dapat dilihat setelah masuk: {url}/profil\n\
             Periksa data Anda (riwayat, keluarga, dokumen) dan laporkan kekeliruan lewat usul perubahan data.\n\n\
             -- \n(English) According to SIASN you reach retirement age in about {bulan} months. \
             See your retirement date and records after signing in: {url}/profil\n",
        ),
    }
}

/// The agency operator's digest: how many employees reach BUP at a lead time (no names).
pub fn pensiun_mendekat_operator(jumlah: usize, bulan: u32, url: &str) -> Surat {
    Surat {
        subjek: format!("SIASN: {jumlah} pegawai mencapai BUP dalam {bulan} bulan"),
        isi: format!(
            "{jumlah} pegawai instansi Anda mencapai batas usia pensiun dalam {bulan} bulan.\n\
             Daftar dan usul pensiunnya: {url}/layanan/pensiun\n\n\
             -- \n(English) {jumlah} employees of your agency reach retirement age in {bulan} months. \
             List and pension proposals: {url}/layanan/pensiun\n",
        ),
    }
}

/// To the employee: their status (leave, study, state office, detention) ends soon.
/// `status` is in both languages; `akhir` is the last day as people write it.
pub fn status_berakhir(status: (&str, &str), akhir: (&str, &str), url: &str) -> Surat {
    Surat {
        subjek: format!("SIASN: {} Anda berakhir {}", status.0, akhir.0),
        isi: format!(
            "Menurut data SIASN, {} Anda berakhir pada {}.\n\
             Sampaikan laporan kembali atau permohonan perpanjangan kepada unit kepegawaian \
             instansi Anda sebelum tanggal itu. Riwayat Anda: {url}/profil\n\n\
             -- \n(English) According to SIASN your {} ends on {}. Report back or ask for an \
             extension through your agency's HR unit before then. Your record: {url}/profil\n",
            status.0, akhir.0, status.1, akhir.1
        ),
    }
}

/// To the employee: their pre-retirement leave ends soon and the pension begins.
pub fn mpp_berakhir(akhir: (&str, &str), tmt: (&str, &str), url: &str) -> Surat {
    Surat {
        subjek: format!("SIASN: masa persiapan pensiun Anda berakhir {}", akhir.0),
        isi: format!(
            "Menurut data SIASN, masa persiapan pensiun Anda berakhir pada {} dan pensiun Anda \
             berlaku mulai {}. Keputusan pensiun dan berkasnya dapat dilihat setelah masuk: \
             {url}/profil\n\n\
             -- \n(English) According to SIASN your pre-retirement leave ends on {} and your \
             pension takes effect on {}. Your decree and records: {url}/profil\n",
            akhir.0, tmt.0, akhir.1, tmt.1
        ),
    }
}

/// To the agency's operators: how many statuses end within the lead time (no names).
pub fn status_berakhir_operator(jumlah: usize, hari: i64, url: &str) -> Surat {
    Surat {
        subjek: format!("SIASN: {jumlah} status pegawai berakhir dalam {hari} hari"),
        isi: format!(
            "{jumlah} pegawai instansi Anda selesai CLTN, tugas belajar, jabatan negara, atau \
             pemberhentian sementara dalam {hari} hari.\n\
             Daftar dan usul pengaktifan kembali atau perpanjangan: {url}/layanan/cltn\n\n\
             -- \n(English) {jumlah} employees of your agency end their leave, study, state \
             office or temporary dismissal within {hari} days. List and cases: {url}/layanan/cltn\n",
        ),
    }
}

/// To the employee: the last day to report back after leave or a state office has passed.
pub fn status_lewat_lapor(status: (&str, &str), batas: (&str, &str), url: &str) -> Surat {
    Surat {
        subjek: format!(
            "SIASN: batas melapor kembali setelah {} telah lewat",
            status.0
        ),
        isi: format!(
            "Batas melapor kembali setelah {} Anda adalah {} dan SIASN belum mencatat \
             pengaktifan kembali Anda. PNS yang tidak melapor kembali dapat diberhentikan. \
             Segera hubungi unit kepegawaian instansi Anda. Riwayat Anda: {url}/profil\n\n\
             -- \n(English) The last day to report back after your {} was {} and SIASN has no \
             return on record. A PNS who does not report back may be dismissed. Contact your \
             agency's HR unit now. Your record: {url}/profil\n",
            status.0, batas.0, status.1, batas.1
        ),
    }
}

/// To the agency's operators: how many employees passed the report-back deadline (no names).
pub fn status_lewat_lapor_operator(jumlah: usize, url: &str) -> Surat {
    Surat {
        subjek: format!("SIASN: {jumlah} pegawai melewati batas melapor kembali"),
        isi: format!(
            "{jumlah} pegawai instansi Anda melewati batas satu bulan untuk melapor kembali \
             setelah CLTN atau jabatan negara tanpa pengaktifan kembali tercatat. Periksa dan, \
             bila benar tidak melapor, usulkan pemberhentian (jenis pemberhentian 15): \
             {url}/layanan/cltn\n\n\
             -- \n(English) {jumlah} employees of your agency passed the one-month deadline to \
             report back after leave or a state office with no return on record. Check them \
             and, where they did not report, propose the dismissal: {url}/layanan/cltn\n",
        ),
    }
}
