//! The audit log against someone who can write the database (issue 19): every rewrite is found
//! by checking the log against the heads published outside it; proofs check offline.

use siasn_app::audit::{self, KunciAudit, Pengurut};
use siasn_domain::merkle::Frontier;
use siasn_store::audit::{AuditBaru, cincin_mac};
use siasn_store::terbit::TempatTerbit;
use siasn_store::testing::jalankan_sql;
use siasn_store::{Store, conformance};

struct Log {
    kunci_dir: tempfile::TempDir,
    terbit_dir: tempfile::TempDir,
    /// Where heads go instead of `terbit_dir` (a NATS stream).
    terbit_lain: Option<TempatTerbit>,
}

impl Log {
    fn kunci(&self) -> KunciAudit {
        let mut k = audit::muat_kunci(self.kunci_dir.path(), true).unwrap();
        // Entries in this process are MAC'd with the process's keys (tests share one process).
        k.mac = (*cincin_mac()).clone();
        k
    }

    fn tempat(&self) -> TempatTerbit {
        match &self.terbit_lain {
            Some(t) => t.clone(),
            None => TempatTerbit::dari_url(&self.terbit_dir.path().display().to_string()).unwrap(),
        }
    }

    fn pengurut(&self, store: &Store) -> Pengurut {
        Pengurut::baru(store.clone(), self.kunci().penanda.unwrap(), self.tempat())
    }

    async fn periksa(
        &self,
        store: &Store,
        keadaan: Option<&audit::KeadaanVerifikasi>,
    ) -> audit::LaporanVerifikasi {
        audit::verifikasi(store, &self.tempat(), &self.kunci(), keadaan)
            .await
            .unwrap()
    }
}

fn peristiwa(aksi: &str, i: usize) -> AuditBaru {
    AuditBaru {
        aktor: format!("akun:uji-{}", i % 3),
        aksi: aksi.into(),
        alasan: Some(format!("langkah {i}")),
        sesudah: Some(serde_json::json!({"nilai": i, "teks": "Ä\n\"x\""})),
        ..AuditBaru::default()
    }
}

/// 37 entries under a first head, 20 more under a second, 5 more not yet under a head.
async fn log_dengan_dua_kepala(store: &Store) -> Log {
    log_dengan_dua_kepala_di(store, None).await
}

async fn log_dengan_dua_kepala_di(store: &Store, terbit_lain: Option<TempatTerbit>) -> Log {
    let log = Log {
        kunci_dir: tempfile::tempdir().unwrap(),
        terbit_dir: tempfile::tempdir().unwrap(),
        terbit_lain,
    };
    let mut p = log.pengurut(store);
    for i in 0..37 {
        store
            .catat_audit(vec![peristiwa("usulan.disetujui", i)])
            .await
            .unwrap();
    }
    assert_eq!(p.terbitkan_sekarang().await.unwrap().ukuran, 37);
    store
        .catat_audit((37..57).map(|i| peristiwa("pegawai.dibaca", i)).collect())
        .await
        .unwrap();
    assert_eq!(p.terbitkan_sekarang().await.unwrap().ukuran, 57);
    store
        .catat_audit((57..62).map(|i| peristiwa("pegawai.dibaca", i)).collect())
        .await
        .unwrap();
    log
}

fn masalah(lap: &audit::LaporanVerifikasi) -> String {
    lap.masalah.join("\n")
}

async fn a_whole_log_verifies_fully_then_only_what_is_new(store: &Store) {
    let log = log_dengan_dua_kepala(store).await;
    let lap = log.periksa(store, None).await;
    assert!(lap.masalah.is_empty(), "{}", masalah(&lap));
    assert_eq!(lap.kepala_sah, 2);
    assert_eq!(lap.entri_diperiksa, 57);
    assert_eq!(lap.belum_diurutkan, 5);
    let keadaan = lap.keadaan_baru.expect("state at the newest head");
    assert_eq!(keadaan.kepala.ukuran, 57);

    // Five more sequenced and signed: the next run reads only those.
    log.pengurut(store).terbitkan_sekarang().await.unwrap();
    let lap = log.periksa(store, Some(&keadaan)).await;
    assert!(lap.masalah.is_empty(), "{}", masalah(&lap));
    assert_eq!((lap.mulai_dari, lap.entri_diperiksa), (57, 5));
    assert_eq!(lap.keadaan_baru.unwrap().kepala.ukuran, 62);
    assert!(store.verifikasi_audit().await.unwrap().rusak.is_none());
}

async fn an_inclusion_proof_checks_offline_and_fails_on_any_change(store: &Store) {
    let log = log_dengan_dua_kepala(store).await;
    let e = store.audit_berurutan(40, 1).await.unwrap().remove(0);
    let bukti = audit::bukti(store, e.id)
        .await
        .unwrap()
        .expect("under a head");
    assert_eq!((bukti.posisi, bukti.kepala.ukuran), (40, 57));
    // Offline: a verifier holding only the public key files.
    let publik_saja = tempfile::tempdir().unwrap();
    for f in std::fs::read_dir(log.kunci_dir.path()).unwrap().flatten() {
        if f.file_name().to_string_lossy().ends_with(".pub") {
            std::fs::copy(f.path(), publik_saja.path().join(f.file_name())).unwrap();
        }
    }
    let publik = audit::muat_kunci(publik_saja.path(), false).unwrap().publik;
    assert_eq!(publik.len(), 1);
    let json = serde_json::to_string(&bukti).unwrap();
    let dibaca: audit::BuktiAudit = serde_json::from_str(&json).unwrap();
    audit::periksa_bukti(&dibaca, &publik).unwrap();

    let mut diubah = dibaca.clone();
    diubah.entri.aktor = "akun:orang-lain".into();
    assert!(audit::periksa_bukti(&diubah, &publik).is_err());
    let mut dipindah = dibaca.clone();
    dipindah.posisi = 41;
    assert!(audit::periksa_bukti(&dipindah, &publik).is_err());
    let mut kepala_lain = dibaca.clone();
    kepala_lain.kepala.ukuran = 58;
    assert!(
        audit::periksa_bukti(&kepala_lain, &publik).is_err(),
        "signature covers the size"
    );
    let lain = tempfile::tempdir().unwrap();
    audit::buat_kunci_baru(lain.path()).unwrap();
    let kunci_lain = audit::muat_kunci(lain.path(), false).unwrap().publik;
    assert!(audit::periksa_bukti(&dibaca, &kunci_lain).is_err());

    // An entry not yet under a head has no proof yet.
    let menunggu = store.audit_menunggu(1).await.unwrap().remove(0);
    assert!(audit::bukti(store, menunggu.id).await.unwrap().is_none());
}

/// Rebuilds the tree from the stored entries with the application's own sequencer, as an
/// attacker with write access to the database would after changing entries.
async fn susun_ulang_pohon(store: &Store) {
    jalankan_sql(
        store,
        "INSERT INTO audit_masuk (id, waktu, aktor, aksi, pegawai_id, akun_id, alasan, sebelum, \
         sesudah, alamat, kunci_mac, mac) SELECT id, waktu, aktor, aksi, pegawai_id, akun_id, \
         alasan, sebelum, sesudah, alamat, kunci_mac, mac FROM audit_entri; DELETE FROM audit_entri; \
         DELETE FROM audit_simpul; UPDATE audit_pohon SET ukuran = 0, puncak = '[]';",
        "INSERT INTO audit_masuk (id, waktu, aktor, aksi, pegawai_id, akun_id, alasan, sebelum, \
         sesudah, alamat, kunci_mac, mac) SELECT id, waktu, aktor, aksi, pegawai_id, akun_id, \
         alasan, sebelum, sesudah, alamat, kunci_mac, mac FROM audit_entri; DELETE FROM audit_entri; \
         DELETE FROM audit_simpul; UPDATE audit_pohon SET ukuran = 0, puncak = '[]';",
    )
    .await;
    while store.urutkan_audit(5000).await.unwrap().diurutkan > 0 {}
}

async fn truncating_the_tail_and_moving_the_head_is_detected(store: &Store) {
    let log = log_dengan_dua_kepala(store).await;
    // Remove the last 30 signed entries and the 5 waiting ones, then make the tree agree.
    jalankan_sql(
        store,
        "DELETE FROM audit_masuk; DELETE FROM audit_entri WHERE posisi >= 27;",
        "DELETE FROM audit_masuk; DELETE FROM audit_entri WHERE posisi >= 27;",
    )
    .await;
    susun_ulang_pohon(store).await;
    assert!(
        store.verifikasi_audit().await.unwrap().rusak.is_none(),
        "the database agrees with itself: only the published heads can tell"
    );
    let lap = log.periksa(store, None).await;
    let m = masalah(&lap);
    assert!(
        m.contains("hanya berisi 27 entri") && m.contains("dihapus"),
        "{m}"
    );
}

/// Heads published to a NATS JetStream stream (TEST_NATS_URL, e.g. nats://127.0.0.1:4222):
/// verification reads them back, a retried publish is stored once, the stream refuses to
/// delete a head, and a truncated log is caught against them.
async fn heads_in_a_nats_stream_verify_and_catch_a_truncated_log(store: &Store) {
    let Ok(server) = std::env::var("TEST_NATS_URL") else {
        eprintln!("NATS suite skipped: TEST_NATS_URL not set");
        return;
    };
    let aliran = format!("SIASN_UJI_{}", uuid::Uuid::new_v4().simple());
    let tempat = TempatTerbit::dari_url(&format!("{server}/{aliran}")).unwrap();
    let log = log_dengan_dua_kepala_di(store, Some(tempat.clone())).await;
    let lap = log.periksa(store, None).await;
    assert!(lap.masalah.is_empty(), "{}", masalah(&lap));
    assert_eq!((lap.kepala_sah, lap.entri_diperiksa), (2, 57));

    // A publish retried (the acknowledgement was lost) is kept once.
    let terbit = tempat.semua().await.unwrap();
    assert_eq!(terbit.len(), 2);
    let kedua = terbit[1].1.clone().unwrap();
    tempat.terbitkan(&kedua).await.unwrap();
    assert_eq!(tempat.semua().await.unwrap().len(), 2);

    // The stream was made to refuse removing a published head.
    let client = async_nats::connect(server.as_str()).await.unwrap();
    let js = async_nats::jetstream::new(client);
    let stream = js.get_stream(&aliran).await.unwrap();
    let hapus = stream.delete_message(1).await.unwrap_err().to_string();
    assert!(hapus.contains("not permitted"), "{hapus}");
    let kosongkan = stream.purge().await.unwrap_err().to_string();
    assert!(kosongkan.contains("not permitted"), "{kosongkan}");

    jalankan_sql(
        store,
        "DELETE FROM audit_masuk; DELETE FROM audit_entri WHERE posisi >= 27;",
        "DELETE FROM audit_masuk; DELETE FROM audit_entri WHERE posisi >= 27;",
    )
    .await;
    susun_ulang_pohon(store).await;
    let m = masalah(&log.periksa(store, None).await);
    assert!(m.contains("hanya berisi 27 entri"), "{m}");
    js.delete_stream(&aliran).await.unwrap();
}

async fn deleting_everything_is_detected(store: &Store) {
    let log = log_dengan_dua_kepala(store).await;
    jalankan_sql(
        store,
        "DELETE FROM audit_masuk; DELETE FROM audit_entri; DELETE FROM audit_simpul; \
         DELETE FROM audit_kepala_tertanda; UPDATE audit_pohon SET ukuran = 0, puncak = '[]';",
        "DELETE FROM audit_masuk; DELETE FROM audit_entri; DELETE FROM audit_simpul; \
         DELETE FROM audit_kepala_tertanda; UPDATE audit_pohon SET ukuran = 0, puncak = '[]';",
    )
    .await;
    assert!(store.verifikasi_audit().await.unwrap().rusak.is_none());
    let lap = log.periksa(store, None).await;
    let m = masalah(&lap);
    assert!(m.contains("hanya berisi 0 entri"), "{m}");
}

async fn editing_an_entry_and_recomputing_every_hash_is_detected(store: &Store) {
    let log = log_dengan_dua_kepala(store).await;
    jalankan_sql(
        store,
        "UPDATE audit_entri SET aktor = 'akun:orang-lain' WHERE posisi = 12;",
        "UPDATE audit_entri SET aktor = 'akun:orang-lain' WHERE posisi = 12;",
    )
    .await;
    susun_ulang_pohon(store).await;
    let lap = log.periksa(store, None).await;
    let m = masalah(&lap);
    assert!(m.contains("posisi 12") && m.contains("MAC"), "{m}");
    assert!(m.contains("akar kepala terbit ukuran 37"), "{m}");
    assert!(m.contains("bukan kelanjutan"), "{m}");
    // The database's own check sees the MAC too.
    assert_eq!(
        store.verifikasi_audit().await.unwrap().rusak.map(|r| r.0),
        Some(12)
    );
}

/// A forged "approval" written straight into the database, with a hash/MAC copied from a real
/// entry (the attacker has no MAC key), then sequenced and even signed by the running server.
async fn a_forged_entry_appended_with_a_plausible_mac_is_detected(store: &Store) {
    let log = log_dengan_dua_kepala(store).await;
    let asli = store.audit_berurutan(3, 1).await.unwrap().remove(0);
    let sql = format!(
        "INSERT INTO audit_masuk (id, waktu, aktor, aksi, pegawai_id, akun_id, alasan, sebelum, \
         sesudah, alamat, kunci_mac, mac) SELECT {id}, waktu, 'akun:pejabat', 'usulan.disetujui', \
         pegawai_id, akun_id, 'disetujui', sebelum, sesudah, alamat, kunci_mac, mac \
         FROM audit_entri WHERE posisi = 3;",
        id = "X'0190000000007000800000000000f0f0'"
    );
    let sql_pg = sql.replace(
        "X'0190000000007000800000000000f0f0'",
        "'01900000-0000-7000-8000-00000000f0f0'::uuid",
    );
    jalankan_sql(store, &sql, &sql_pg).await;
    let hasil = store.urutkan_audit(5000).await.unwrap();
    assert_eq!(hasil.tanpa_mac_sah.len(), 1, "the sequencer reports it");
    log.pengurut(store).terbitkan_sekarang().await.unwrap();
    let lap = log.periksa(store, None).await;
    let m = masalah(&lap);
    assert!(
        m.contains("usulan.disetujui oleh akun:pejabat") && m.contains("MAC"),
        "{m}"
    );
    assert_ne!(asli.aktor, "akun:pejabat");
    // Nor is a MAC-less one passed off as carried over from the old hash chain: those may only
    // open the log.
    let tanpa_mac = "INSERT INTO audit_masuk (id, waktu, aktor, aksi, kunci_mac, mac) \
         VALUES (X'01ff0000000070008000000000000001', '2026-12-01T00:00:00Z', 'akun:kepala', \
         'sk.ditandatangani', '', '');";
    let tanpa_mac_pg = tanpa_mac.replace(
        "X'01ff0000000070008000000000000001'",
        "'01ff0000-0000-7000-8000-000000000001'::uuid",
    );
    jalankan_sql(store, tanpa_mac, &tanpa_mac_pg).await;
    assert!(store.verifikasi_audit().await.unwrap().rusak.is_some());
    log.pengurut(store).terbitkan_sekarang().await.unwrap();
    let m = masalah(&log.periksa(store, None).await);
    assert!(
        m.contains("sk.ditandatangani oleh akun:kepala") && m.contains("MAC"),
        "{m}"
    );
}

async fn a_head_published_without_the_key_and_a_fork_are_detected(store: &Store) {
    let log = log_dengan_dua_kepala(store).await;
    let asli = store.kepala_audit_terakhir().await.unwrap().unwrap();
    // Someone who can write the publication folder but has no signing key.
    let mut palsu = asli.clone();
    palsu.ukuran = 10;
    palsu.waktu += chrono::Duration::seconds(1);
    log.tempat().terbitkan(&palsu).await.unwrap();
    let m = masalah(&log.periksa(store, None).await);
    assert!(m.contains("tanda tangan tidak sah"), "{m}");

    // A head signed with the real key over a different history of the same size.
    let log2 = Log {
        kunci_dir: tempfile::tempdir().unwrap(),
        terbit_dir: tempfile::tempdir().unwrap(),
        terbit_lain: None,
    };
    let penanda = log2.kunci().penanda.unwrap();
    let k1 = penanda
        .tandatangani(20, &Frontier::baru().akar(), chrono::Utc::now())
        .unwrap();
    let pohon = store.pohon_audit().await.unwrap();
    let k2 = penanda
        .tandatangani(pohon.frontier.ukuran(), &pohon.akar, chrono::Utc::now())
        .unwrap();
    log2.tempat().terbitkan(&k1).await.unwrap();
    log2.tempat().terbitkan(&k2).await.unwrap();
    let lap = log2.periksa(store, None).await;
    let m = masalah(&lap);
    assert!(m.contains("bukan kelanjutan kepala ukuran 20"), "{m}");
}

async fn only_one_sequencer_works_at_a_time(store: &Store) {
    let sekarang = chrono::Utc::now();
    let nanti = sekarang + chrono::Duration::seconds(30);
    assert!(
        store
            .ambil_sewa("audit", "a", sekarang, nanti)
            .await
            .unwrap()
    );
    assert!(
        !store
            .ambil_sewa("audit", "b", sekarang, nanti)
            .await
            .unwrap()
    );
    assert!(
        store
            .ambil_sewa("audit", "a", sekarang, nanti)
            .await
            .unwrap(),
        "renewal"
    );
    // Past its time the lease goes to whoever asks.
    let lewat = nanti + chrono::Duration::seconds(1);
    assert!(
        store
            .ambil_sewa("audit", "b", lewat, lewat + chrono::Duration::seconds(30))
            .await
            .unwrap()
    );
    store.lepas_sewa("audit", "b").await.unwrap();
    assert!(
        store
            .ambil_sewa("audit", "a", sekarang, nanti)
            .await
            .unwrap()
    );

    // Two sequencers racing on the same entries: every entry gets exactly one position.
    for i in 0..300 {
        store
            .catat_audit(vec![peristiwa("pegawai.dibaca", i)])
            .await
            .unwrap();
    }
    let (s1, s2) = (store.clone(), store.clone());
    let a = tokio::spawn(async move {
        let mut n = 0;
        for _ in 0..20 {
            n += s1.urutkan_audit(20).await.map_or(0, |h| h.diurutkan);
        }
        n
    });
    let b = tokio::spawn(async move {
        let mut n = 0;
        for _ in 0..20 {
            n += s2.urutkan_audit(20).await.map_or(0, |h| h.diurutkan);
        }
        n
    });
    let (na, nb) = (a.await.unwrap(), b.await.unwrap());
    while store.urutkan_audit(5000).await.unwrap().diurutkan > 0 {}
    assert!(na + nb <= 300);
    assert_eq!(store.pohon_audit().await.unwrap().frontier.ukuran(), 300);
    assert!(store.verifikasi_audit().await.unwrap().rusak.is_none());
}

conformance!(
    a_whole_log_verifies_fully_then_only_what_is_new,
    an_inclusion_proof_checks_offline_and_fails_on_any_change,
    truncating_the_tail_and_moving_the_head_is_detected,
    deleting_everything_is_detected,
    heads_in_a_nats_stream_verify_and_catch_a_truncated_log,
    editing_an_entry_and_recomputing_every_hash_is_detected,
    a_forged_entry_appended_with_a_plausible_mac_is_detected,
    a_head_published_without_the_key_and_a_fork_are_detected,
    only_one_sequencer_works_at_a_time,
);
