//! The header every signed-in page carries: the role's menu, who is signed in and as what,
//! the language switch and sign-out. The menu lists only pages the reader's roles can open,
//! by the same grants the pages check, so no link bounces back.

use siasn_domain::akses::{Cakupan, Pelaku, Peran};
use siasn_teks::{Bahasa, Teks};

use super::konteks::Masuk;
use crate::{AppState, WebError};

/// One link of the menu.
pub struct ItemMenu {
    /// Where it goes.
    pub href: &'static str,
    /// What it says.
    pub label: &'static str,
    /// Whether it is the page being shown (or a page under it).
    pub aktif: bool,
    /// A count worth the reader's attention (unread notifications), 0 for none.
    pub lencana: i64,
}

/// A titled group of links ("Saya", "Kantor", "Akun").
pub struct BagianMenu {
    /// Group heading (read by screen readers, shown on phones).
    pub judul: &'static str,
    /// Its links.
    pub item: Vec<ItemMenu>,
}

/// The header of a signed-in page.
pub struct Menu {
    /// The signed-in person's name.
    pub nama: String,
    /// Their roles, in words ("Operator Instansi · Pegawai").
    pub peran: String,
    /// The session's CSRF token, for the sign-out form.
    pub csrf: String,
    /// The groups of links.
    pub bagian: Vec<BagianMenu>,
}

/// What a reader can open, decided from their grants alone (pure, tested below).
#[derive(Debug, Default, PartialEq, Eq)]
pub struct Kemampuan {
    /// Has an employee record of their own.
    pub pegawai: bool,
    /// Reads employees beyond themselves (search, dashboards).
    pub staf: bool,
    /// Verifies proposals at some stage.
    pub verifikator: bool,
    /// Proposes for the agency's employees (collective proposals).
    pub operator: bool,
    /// Signs decisions (signing certificate page).
    pub penanda: bool,
    /// Administers accounts and API clients.
    pub admin: bool,
}

impl Kemampuan {
    /// From the signed-in principal's grants.
    pub fn dari(pelaku: &Pelaku) -> Self {
        Self {
            pegawai: pelaku.pegawai_id.is_some(),
            staf: pelaku
                .cakupan_baca()
                .iter()
                .any(|c| !matches!(c, Cakupan::Diri(_))),
            verifikator: !pelaku.tahap_verifikasi().is_empty(),
            operator: pelaku.punya(Peran::OperatorInstansi),
            penanda: pelaku.punya(Peran::PejabatInstansi) || pelaku.punya(Peran::VerifikatorBkn),
            admin: !pelaku.cakupan_admin().is_empty(),
        }
    }
}

/// Whether `href` is the page at `jalur` or one under it.
fn aktif(href: &str, jalur: &str) -> bool {
    jalur == href
        || jalur
            .strip_prefix(href)
            .is_some_and(|sisa| sisa.starts_with('/'))
}

/// The groups of links for these abilities, marking the one at `jalur`.
pub fn susun(k: &Kemampuan, b: Bahasa, jalur: &str, notifikasi_baru: i64) -> Vec<BagianMenu> {
    let item = |href: &'static str, teks: Teks| ItemMenu {
        href,
        label: b.t(teks),
        aktif: aktif(href, jalur),
        lencana: 0,
    };
    let mut saya = vec![item("/beranda", Teks::Beranda)];
    if k.pegawai {
        saya.extend([
            item("/profil", Teks::MenuProfil),
            item("/dokumen", Teks::MenuDokumen),
        ]);
    }
    // Notifications are about proposals, so the badge sits on the proposals link.
    saya.push(ItemMenu {
        lencana: notifikasi_baru,
        ..item("/usulan", Teks::MenuUsulan)
    });
    if k.pegawai {
        saya.extend([
            item("/kinerja", Teks::MenuKinerja),
            item("/kompetensi", Teks::Kompetensi),
            item("/kartu", Teks::MenuKartu),
        ]);
    }
    saya.push(item("/layanan", Teks::MenuLayanan));
    let mut bagian = vec![BagianMenu {
        judul: b.t(Teks::MenuBagianSaya),
        item: saya,
    }];
    let mut kantor = Vec::new();
    if k.staf {
        kantor.push(item("/pegawai", Teks::CariPegawai));
    }
    if k.verifikator {
        kantor.push(item("/verifikasi", Teks::Verifikasi));
    }
    if k.operator {
        kantor.push(item("/kolektif", Teks::UsulanKolektif));
    }
    if k.staf {
        kantor.push(item("/usulan/statistik", Teks::MenuDasbor));
    }
    if k.penanda {
        kantor.push(item("/layanan/sertifikat", Teks::TtdSertifikatSaya));
    }
    if k.admin {
        kantor.extend([
            item("/admin/akun", Teks::AdminAkun),
            item("/admin/pegawai", Teks::AdminPegawai),
            item("/admin/klien-api", Teks::AdminKlien),
        ]);
    }
    if !kantor.is_empty() {
        bagian.push(BagianMenu {
            judul: b.t(Teks::MenuBagianKantor),
            item: kantor,
        });
    }
    // "Who saw or changed my data" is about an employee record.
    let mut akun = Vec::new();
    if k.pegawai {
        akun.push(item("/riwayat-akses", Teks::MenuRiwayatAkses));
    }
    akun.push(item("/sesi", Teks::SesiSaya));
    bagian.push(BagianMenu {
        judul: b.t(Teks::MenuBagianAkun),
        item: akun,
    });
    // "/usulan/statistik" is under "/usulan": only the closest link is the current one.
    let terpanjang = bagian
        .iter()
        .flat_map(|g| g.item.iter())
        .filter(|i| i.aktif)
        .map(|i| i.href.len())
        .max();
    for i in bagian.iter_mut().flat_map(|g| g.item.iter_mut()) {
        i.aktif = i.aktif && Some(i.href.len()) == terpanjang;
    }
    bagian
}

/// The roles of an account in words, agency-bound ones with their agency.
pub fn nama_peran(pelaku: &Pelaku) -> String {
    let mut nama: Vec<&str> = Vec::new();
    for p in &pelaku.peran {
        if !nama.contains(&p.peran.nama()) {
            nama.push(p.peran.nama());
        }
    }
    nama.join(" · ")
}

impl Masuk {
    /// The header for a page of this session (one count query: unread notifications).
    pub async fn menu(&self, state: &AppState) -> Result<Menu, WebError> {
        let b = self.konteks.bahasa;
        let baru = state.store().jumlah_notifikasi_baru(self.akun.id).await?;
        let jalur = self.konteks.jalur.as_str();
        Ok(Menu {
            nama: self.akun.nama.clone(),
            peran: nama_peran(&self.pelaku),
            csrf: self.sesi.csrf.clone(),
            bagian: susun(&Kemampuan::dari(&self.pelaku), b, jalur, baru),
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use siasn_domain::akses::PeranAkun;
    use uuid::Uuid;

    fn pelaku(pegawai: bool, peran: &[(Peran, Option<&str>, Option<&str>)]) -> Pelaku {
        Pelaku {
            akun_id: Uuid::nil(),
            pegawai_id: pegawai.then(Uuid::nil),
            peran: peran
                .iter()
                .map(|(p, i, k)| PeranAkun {
                    peran: *p,
                    instansi_id: i.map(str::to_string),
                    kanreg_id: k.map(str::to_string),
                })
                .collect(),
        }
    }

    fn hrefs(p: &Pelaku) -> Vec<&'static str> {
        susun(&Kemampuan::dari(p), Bahasa::Indonesia, "/", 0)
            .into_iter()
            .flat_map(|g| g.item.into_iter().map(|i| i.href))
            .collect()
    }

    #[test]
    fn an_employee_sees_their_own_pages_and_no_back_office() {
        let h = hrefs(&pelaku(true, &[(Peran::Pegawai, None, None)]));
        for own in [
            "/profil", "/dokumen", "/usulan", "/kinerja", "/kartu", "/layanan",
        ] {
            assert!(h.contains(&own), "{own} missing from {h:?}");
        }
        for staf in ["/pegawai", "/verifikasi", "/kolektif", "/admin/akun"] {
            assert!(!h.contains(&staf), "{staf} shown to an employee");
        }
    }

    #[test]
    fn an_admin_without_an_employee_record_gets_no_employee_pages() {
        let h = hrefs(&pelaku(false, &[(Peran::AdminBkn, None, None)]));
        for own in [
            "/profil",
            "/dokumen",
            "/kinerja",
            "/kompetensi",
            "/kartu",
            "/riwayat-akses",
        ] {
            assert!(
                !h.contains(&own),
                "{own} would bounce an admin without a record"
            );
        }
        assert!(h.contains(&"/admin/akun") && h.contains(&"/pegawai"));
        assert!(!h.contains(&"/verifikasi") && !h.contains(&"/kolektif"));
    }

    #[test]
    fn each_staff_role_gets_its_own_work() {
        let operator = hrefs(&pelaku(
            true,
            &[
                (Peran::Pegawai, None, None),
                (Peran::OperatorInstansi, Some("A1"), None),
            ],
        ));
        assert!(operator.contains(&"/kolektif") && operator.contains(&"/pegawai"));
        assert!(!operator.contains(&"/verifikasi") && !operator.contains(&"/admin/akun"));
        let verifikator = hrefs(&pelaku(false, &[(Peran::VerifikatorBkn, None, Some("01"))]));
        assert!(verifikator.contains(&"/verifikasi"));
        assert!(verifikator.contains(&"/layanan/sertifikat"));
        assert!(!verifikator.contains(&"/kolektif"));
    }

    #[test]
    fn the_current_page_and_pages_under_it_are_marked_but_not_lookalikes() {
        assert!(aktif("/usulan", "/usulan"));
        assert!(aktif("/usulan", "/usulan/0b8e"));
        assert!(!aktif("/usulan", "/usulanx"));
        assert!(!aktif("/pegawai", "/profil"));
        let staf = Kemampuan {
            staf: true,
            ..Kemampuan::default()
        };
        let dasbor: Vec<&str> = susun(&staf, Bahasa::Indonesia, "/usulan/statistik", 0)
            .iter()
            .flat_map(|g| g.item.iter())
            .filter(|i| i.aktif)
            .map(|i| i.href)
            .collect();
        assert_eq!(dasbor, ["/usulan/statistik"]);
        let g = susun(
            &Kemampuan {
                pegawai: true,
                ..Kemampuan::default()
            },
            Bahasa::Inggris,
            "/kartu",
            3,
        );
        let semua: Vec<&ItemMenu> = g.iter().flat_map(|g| g.item.iter()).collect();
        let aktif: Vec<&str> = semua.iter().filter(|i| i.aktif).map(|i| i.href).collect();
        assert_eq!(aktif, ["/kartu"]);
        let usulan = semua.iter().find(|i| i.href == "/usulan");
        assert_eq!(usulan.map(|i| i.lencana), Some(3));
    }
}
