//! The reference data the proposal rules read, loaded once per request: a collective list
//! checks thousands of rows against the same tables.

use std::collections::HashMap;

use chrono::NaiveDate;
use siasn_domain::pegawai::Pegawai;
use siasn_domain::referensi::{RefItem, TingkatPendidikan};
use siasn_domain::riwayat::Riwayat;
use siasn_domain::usulan::Perubahan;
use siasn_domain::usulan::validasi::{self, KonteksValidasi, Temuan};
use uuid::Uuid;

use crate::{App, AppResult};

/// Reference data for the rules.
pub struct RefValidasi {
    pendidikan: Vec<TingkatPendidikan>,
    agama: Vec<String>,
    kawin: Vec<String>,
    /// Units by agency, for the agencies the request concerns.
    unor: HashMap<String, Vec<Uuid>>,
}

impl RefValidasi {
    /// Loads what the rules need for employees of `instansi`.
    pub async fn muat(app: &App, instansi: &[&str]) -> AppResult<Self> {
        let store = app.store();
        let kode = |r: Vec<RefItem>| r.into_iter().map(|x| x.id).collect();
        let mut unor = HashMap::new();
        for i in instansi {
            let ids = store
                .unor_instansi(i)
                .await?
                .into_iter()
                .map(|u| u.id)
                .collect();
            unor.insert((*i).to_string(), ids);
        }
        Ok(Self {
            pendidikan: store.tingkat_pendidikan().await?,
            agama: kode(store.referensi("agama").await?),
            kawin: kode(store.referensi("jenis-kawin").await?),
            unor,
        })
    }

    /// Every finding on `perubahan` for this record.
    pub fn periksa(
        &self,
        hari_ini: NaiveDate,
        pegawai: &Pegawai,
        riwayat: &[Riwayat],
        perubahan: &Perubahan,
    ) -> Vec<Temuan> {
        let kode_sah = |kategori: &str, kode: &str| match kategori {
            "agama" => self.agama.iter().any(|r| r == kode),
            "jenis-kawin" => self.kawin.iter().any(|r| r == kode),
            _ => false,
        };
        let k = KonteksValidasi {
            hari_ini,
            pegawai,
            riwayat,
            pendidikan: &self.pendidikan,
            unor_instansi: self
                .unor
                .get(&pegawai.instansi_kerja_id)
                .map_or(&[], Vec::as_slice),
            kode_sah: &kode_sah,
        };
        validasi::periksa(perubahan, &k)
    }
}
