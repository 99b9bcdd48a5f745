//! Signing a PDF by an incremental update: the original bytes stay as they are; appended are a
//! signature dictionary (`/ETSI.CAdES.detached`), its widget on a page with an appearance, the
//! page and catalog updated to reach them, a new cross-reference section and trailer. The CMS
//! signature covers every byte but the `/Contents` hole.

use chrono::{DateTime, Utc};
use lopdf::content::{Content, Operation};
use lopdf::{Dictionary, Document, IncrementalDocument, Object, Stream, StringFormat};
use sha2::{Digest, Sha256};

use crate::kunci::KunciTtd;
use crate::{TtdError, TtdResult, cms_ttd};

/// Where a visible signature goes: the page (1 = first) and its box in points from the
/// bottom-left corner.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Kotak {
    /// Page number, from 1.
    pub halaman: u32,
    /// Left.
    pub x: f32,
    /// Bottom.
    pub y: f32,
    /// Width.
    pub lebar: f32,
    /// Height.
    pub tinggi: f32,
}

/// What the signature shows and records.
#[derive(Debug, Clone)]
pub struct Tampilan {
    /// The signer's name (`/Name`).
    pub nama: String,
    /// The signer's position.
    pub jabatan: String,
    /// The NIP (or NIK) shown under the name.
    pub nomor_identitas: Option<String>,
    /// Who issued the certificate, for the statement ("… diterbitkan oleh …").
    pub penerbit: String,
    /// Why (`/Reason`).
    pub alasan: String,
    /// Where (`/Location`).
    pub lokasi: String,
    /// The verification address the QR code carries.
    pub url_verifikasi: String,
    /// The visible box; none for an invisible signature.
    pub kotak: Option<Kotak>,
}

// Sentinels for the byte range, replaced in place once offsets are known: ten digits each,
// the width any offset of a document below 10 GB fits in.
const SENTINEL: [i64; 3] = [8_888_888_881, 8_888_888_882, 8_888_888_883];
const LEBAR_ANGKA: usize = 10;

fn gagal(e: lopdf::Error) -> TtdError {
    TtdError::Pdf(e.to_string())
}

/// A PDF text string: plain when ASCII, else UTF-16BE with its byte-order mark.
fn teks(s: &str) -> Object {
    if s.is_ascii() {
        Object::string_literal(s.as_bytes().to_vec())
    } else {
        let mut b = vec![0xfe, 0xff];
        for u in s.encode_utf16() {
            b.extend_from_slice(&u.to_be_bytes());
        }
        Object::String(b, StringFormat::Hexadecimal)
    }
}

/// Text for the standard Helvetica font (WinAnsi): Latin-1 letters kept, others as "?".
fn winansi(s: &str) -> Vec<u8> {
    s.chars()
        .map(|c| u8::try_from(u32::from(c)).unwrap_or(b'?'))
        .collect()
}

/// Greedy word wrap by an approximate Helvetica width (0.5 em a character on average).
fn bungkus(teks: &str, ukuran: f32, lebar: f32) -> Vec<String> {
    let maks = ((lebar / (ukuran * 0.5)).floor() as usize).max(8);
    let mut baris = Vec::new();
    let mut kini = String::new();
    for kata in teks.split_whitespace() {
        if !kini.is_empty() && kini.chars().count() + 1 + kata.chars().count() > maks {
            baris.push(std::mem::take(&mut kini));
        }
        if !kini.is_empty() {
            kini.push(' ');
        }
        kini.push_str(kata);
    }
    if !kini.is_empty() {
        baris.push(kini);
    }
    baris
}

fn op(nama: &str, operan: Vec<Object>) -> Operation {
    Operation::new(nama, operan)
}

fn r(x: f32) -> Object {
    Object::Real(x)
}

/// The appearance: a framed box with the QR code on the left and the signer, the time and
/// the statement on the right.
fn isi_tampilan(t: &Tampilan, k: &Kotak, waktu: DateTime<Utc>) -> TtdResult<Vec<u8>> {
    let mut ops = vec![
        op("q", vec![]),
        op("RG", vec![r(0.2), r(0.3), r(0.5)]),
        op("w", vec![r(0.8)]),
        op(
            "re",
            vec![r(0.5), r(0.5), r(k.lebar - 1.0), r(k.tinggi - 1.0)],
        ),
        op("S", vec![]),
    ];
    // QR code, drawn module by module in black.
    let qr = qrcode::QrCode::with_error_correction_level(
        t.url_verifikasi.as_bytes(),
        qrcode::EcLevel::M,
    )
    .map_err(|e| TtdError::Pdf(e.to_string()))?;
    let n = qr.width();
    let sisi_qr = (k.tinggi - 8.0).min(k.lebar * 0.35);
    let modul = sisi_qr / n as f32;
    let (x0, y0) = (4.0, (k.tinggi - sisi_qr) / 2.0);
    ops.push(op("rg", vec![r(0.0), r(0.0), r(0.0)]));
    for (i, warna) in qr.to_colors().iter().enumerate() {
        if *warna == qrcode::Color::Dark {
            let (cx, cy) = (i % n, i / n);
            ops.push(op(
                "re",
                vec![
                    r(x0 + cx as f32 * modul),
                    r(y0 + sisi_qr - (cy as f32 + 1.0) * modul),
                    r(modul),
                    r(modul),
                ],
            ));
        }
    }
    ops.push(op("f", vec![]));
    // Text to the right of the QR.
    let xt = x0 + sisi_qr + 6.0;
    let lebar_teks = k.lebar - xt - 4.0;
    let pernyataan = format!(
        "Dokumen ini telah ditandatangani secara elektronik menggunakan sertifikat elektronik \
         yang diterbitkan oleh {}. Periksa keasliannya dengan memindai kode QR.",
        t.penerbit
    );
    // The lines at a scale; long names and positions shrink the text until it fits the box.
    let susun = |skala: f32| {
        let (besar, biasa, kecil) = (8.0 * skala, 6.5 * skala, 5.5 * skala);
        let mut baris: Vec<(&str, f32, String)> =
            vec![("F1", biasa, "Ditandatangani secara elektronik oleh:".into())];
        // Bold letters run wider: wrap the name as if it were a size larger.
        for b in bungkus(&t.nama, besar * 1.15, lebar_teks) {
            baris.push(("F2", besar, b));
        }
        if let Some(n) = &t.nomor_identitas {
            baris.push(("F1", biasa, format!("NIP {}", siasn_teks::nip(n))));
        }
        for b in bungkus(&t.jabatan, biasa, lebar_teks) {
            baris.push(("F1", biasa, b));
        }
        baris.push((
            "F1",
            biasa,
            format!(
                "Tanggal: {}",
                siasn_teks::waktu(waktu, siasn_teks::Bahasa::Indonesia)
            ),
        ));
        for b in bungkus(&pernyataan, kecil, lebar_teks) {
            baris.push(("F1", kecil, b));
        }
        baris
    };
    let tinggi = |b: &[(&str, f32, String)]| b.iter().map(|(_, u, _)| u + 2.0).sum::<f32>();
    let mut skala = 1.0;
    let mut baris = susun(skala);
    while tinggi(&baris) > k.tinggi - 6.0 && skala > 0.6 {
        skala -= 0.05;
        baris = susun(skala);
    }
    ops.push(op("BT", vec![]));
    let mut y = k.tinggi - 4.0 - baris.first().map_or(0.0, |(_, u, _)| *u);
    for (huruf, ukuran, isi) in &baris {
        ops.push(op(
            "Tf",
            vec![Object::Name(huruf.as_bytes().to_vec()), r(*ukuran)],
        ));
        ops.push(op("Tm", vec![r(1.0), r(0.0), r(0.0), r(1.0), r(xt), r(y)]));
        ops.push(op("Tj", vec![Object::string_literal(winansi(isi))]));
        y -= ukuran + 2.0;
    }
    ops.push(op("ET", vec![]));
    ops.push(op("Q", vec![]));
    Content { operations: ops }.encode().map_err(gagal)
}

fn huruf(nama: &str) -> Object {
    let mut d = Dictionary::new();
    d.set("Type", Object::Name(b"Font".to_vec()));
    d.set("Subtype", Object::Name(b"Type1".to_vec()));
    d.set("BaseFont", Object::Name(nama.as_bytes().to_vec()));
    d.set("Encoding", Object::Name(b"WinAnsiEncoding".to_vec()));
    Object::Dictionary(d)
}

/// The `/M` date: `D:YYYYMMDDHHmmSS+00'00'`.
fn tanggal_pdf(w: DateTime<Utc>) -> String {
    format!("D:{}+00'00'", w.format("%Y%m%d%H%M%S"))
}

/// An array held in a dictionary entry, directly or by reference, cloned for update.
fn larik(doc: &Document, d: &Dictionary, kunci: &[u8]) -> Vec<Object> {
    match d.get(kunci) {
        Ok(Object::Array(a)) => a.clone(),
        Ok(Object::Reference(id)) => doc
            .get_object(*id)
            .and_then(Object::as_array)
            .cloned()
            .unwrap_or_default(),
        _ => Vec::new(),
    }
}

/// Bytes reserved for the CMS: the chain, a signature (RSA-4096 at most) and the attributes.
fn cadangan(kunci: &KunciTtd) -> usize {
    2048 + kunci.rantai().iter().map(Vec::len).sum::<usize>()
}

/// Signs `pdf` with `kunci` at `waktu`; returns the signed file (the original plus an
/// incremental update). PAdES B-B; [`siapkan`] adds a timestamp (B-T).
pub fn tandatangani(
    pdf: &[u8],
    kunci: &KunciTtd,
    t: &Tampilan,
    waktu: DateTime<Utc>,
) -> TtdResult<Vec<u8>> {
    siapkan(pdf, kunci, t, waktu, 0)?.selesaikan(None)
}

/// Bytes reserved for a timestamp token (the TSA's signature and certificate chain).
pub const RUANG_STEMPEL: usize = 12 * 1024;

/// A signed PDF waiting for its CMS to be closed, with or without a timestamp token.
pub struct Persiapan {
    out: Vec<u8>,
    b: usize,
    c: usize,
    cms: cms_ttd::CmsTertanda,
}

impl std::fmt::Debug for Persiapan {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Persiapan").finish_non_exhaustive()
    }
}

impl Persiapan {
    /// The signature value: what a timestamp authority is asked to stamp.
    pub fn nilai_tanda_tangan(&self) -> &[u8] {
        self.cms.nilai()
    }

    /// Writes the CMS (with the token, if any) into the reserved hole; the signed file.
    pub fn selesaikan(mut self, token: Option<&[u8]>) -> TtdResult<Vec<u8>> {
        let cms = self.cms.rakit(token)?;
        let heks = hex::encode_upper(&cms);
        if heks.len() > self.c - self.b - 2 {
            return Err(TtdError::Cms(
                "tanda tangan melebihi ruang yang disediakan".into(),
            ));
        }
        self.out[self.b + 1..self.b + 1 + heks.len()].copy_from_slice(heks.as_bytes());
        Ok(self.out)
    }
}

/// Signs `pdf` and leaves the CMS open for a timestamp: `ruang_stempel` bytes are reserved for
/// the token (0 without one, [`RUANG_STEMPEL`] with one).
pub fn siapkan(
    pdf: &[u8],
    kunci: &KunciTtd,
    t: &Tampilan,
    waktu: DateTime<Utc>,
    ruang_stempel: usize,
) -> TtdResult<Persiapan> {
    let doc = Document::load_mem(pdf).map_err(gagal)?;
    if doc.is_encrypted() {
        return Err(TtdError::Pdf(
            "PDF terenkripsi tidak dapat ditandatangani".into(),
        ));
    }
    let halaman = doc.get_pages();
    let nomor_halaman = t.kotak.map_or(1, |k| k.halaman);
    let id_halaman = *halaman
        .get(&nomor_halaman)
        .or_else(|| halaman.values().next())
        .ok_or_else(|| TtdError::Pdf("PDF tanpa halaman".into()))?;
    let id_katalog = doc
        .trailer
        .get(b"Root")
        .and_then(Object::as_reference)
        .map_err(gagal)?;
    let katalog_lama = doc.get_dictionary(id_katalog).map_err(gagal)?.clone();
    let halaman_lama = doc.get_dictionary(id_halaman).map_err(gagal)?.clone();
    // Existing signature fields (a second signature keeps the first).
    let (form_lama, id_form) = match katalog_lama.get(b"AcroForm") {
        Ok(Object::Dictionary(d)) => (Some(d.clone()), None),
        Ok(Object::Reference(id)) => (doc.get_dictionary(*id).ok().cloned(), Some(*id)),
        _ => (None, None),
    };
    let urutan = form_lama
        .as_ref()
        .map_or(0, |f| larik(&doc, f, b"Fields").len())
        + 1;
    let annots_lama = larik(&doc, &halaman_lama, b"Annots");

    let mut inc = IncrementalDocument::create_from(pdf.to_vec(), doc);
    let nd = &mut inc.new_document;

    // The appearance stream.
    let kotak_nyata = t.kotak.unwrap_or(Kotak {
        halaman: nomor_halaman,
        x: 0.0,
        y: 0.0,
        lebar: 0.0,
        tinggi: 0.0,
    });
    let (isi_ap, rect) = match &t.kotak {
        Some(k) => (
            isi_tampilan(t, k, waktu)?,
            vec![r(k.x), r(k.y), r(k.x + k.lebar), r(k.y + k.tinggi)],
        ),
        None => (Vec::new(), vec![r(0.0), r(0.0), r(0.0), r(0.0)]),
    };
    let mut d_ap = Dictionary::new();
    d_ap.set("Type", Object::Name(b"XObject".to_vec()));
    d_ap.set("Subtype", Object::Name(b"Form".to_vec()));
    d_ap.set(
        "BBox",
        Object::Array(vec![
            r(0.0),
            r(0.0),
            r(kotak_nyata.lebar),
            r(kotak_nyata.tinggi),
        ]),
    );
    let mut fonts = Dictionary::new();
    fonts.set("F1", huruf("Helvetica"));
    fonts.set("F2", huruf("Helvetica-Bold"));
    let mut res = Dictionary::new();
    res.set("Font", Object::Dictionary(fonts));
    d_ap.set("Resources", Object::Dictionary(res));
    // The QR is hundreds of small rectangles: compressed, the appearance costs a few KB on a
    // phone's download instead of tens.
    let mut ap_stream = Stream::new(d_ap, isi_ap);
    ap_stream.compress().map_err(gagal)?;
    let id_ap = nd.add_object(Object::Stream(ap_stream));

    // The signature dictionary with its placeholders.
    let ruang = cadangan(kunci) + ruang_stempel;
    let mut sig = Dictionary::new();
    sig.set("Type", Object::Name(b"Sig".to_vec()));
    sig.set("Filter", Object::Name(b"Adobe.PPKLite".to_vec()));
    sig.set("SubFilter", Object::Name(b"ETSI.CAdES.detached".to_vec()));
    sig.set(
        "ByteRange",
        Object::Array(vec![
            Object::Integer(0),
            Object::Integer(SENTINEL[0]),
            Object::Integer(SENTINEL[1]),
            Object::Integer(SENTINEL[2]),
        ]),
    );
    sig.set(
        "Contents",
        Object::String(vec![0u8; ruang], StringFormat::Hexadecimal),
    );
    sig.set("M", Object::string_literal(tanggal_pdf(waktu)));
    sig.set("Name", teks(&t.nama));
    sig.set("Reason", teks(&t.alasan));
    sig.set("Location", teks(&t.lokasi));
    sig.set("ContactInfo", teks(&t.url_verifikasi));
    let id_sig = nd.add_object(Object::Dictionary(sig));

    // The widget (signature field and annotation in one).
    let mut w = Dictionary::new();
    w.set("Type", Object::Name(b"Annot".to_vec()));
    w.set("Subtype", Object::Name(b"Widget".to_vec()));
    w.set("FT", Object::Name(b"Sig".to_vec()));
    w.set("T", teks(&format!("Tanda tangan {urutan}")));
    w.set("V", Object::Reference(id_sig));
    w.set("P", Object::Reference(id_halaman));
    w.set("Rect", Object::Array(rect));
    // Print + Locked.
    w.set("F", Object::Integer(132));
    let mut ap = Dictionary::new();
    ap.set("N", Object::Reference(id_ap));
    w.set("AP", Object::Dictionary(ap));
    let id_widget = nd.add_object(Object::Dictionary(w));

    // The page lists the widget among its annotations.
    let mut halaman_baru = halaman_lama;
    let mut annots = annots_lama;
    annots.push(Object::Reference(id_widget));
    halaman_baru.set("Annots", Object::Array(annots));
    nd.set_object(id_halaman, Object::Dictionary(halaman_baru));

    // The catalog's form lists the field; SigFlags 3: signatures exist, append only.
    let mut form = form_lama.unwrap_or_default();
    let mut fields = match form.get(b"Fields") {
        Ok(Object::Array(a)) => a.clone(),
        _ => Vec::new(),
    };
    fields.push(Object::Reference(id_widget));
    form.set("Fields", Object::Array(fields));
    form.set("SigFlags", Object::Integer(3));
    match id_form {
        Some(id) => nd.set_object(id, Object::Dictionary(form)),
        None => {
            let mut katalog = katalog_lama;
            katalog.set("AcroForm", Object::Dictionary(form));
            nd.set_object(id_katalog, Object::Dictionary(katalog));
        }
    }

    let mut out = Vec::with_capacity(pdf.len() + ruang * 2 + 8192);
    inc.save_to(&mut out)
        .map_err(|e| TtdError::Pdf(e.to_string()))?;
    isi_tanda_tangan(out, pdf.len(), ruang, kunci)
}

fn cari(hay: &[u8], needle: &[u8], dari: usize) -> Option<usize> {
    hay.get(dari..)?
        .windows(needle.len())
        .position(|w| w == needle)
        .map(|p| p + dari)
}

/// Fills the byte range into the saved update and signs it.
fn isi_tanda_tangan(
    mut out: Vec<u8>,
    awal_update: usize,
    ruang: usize,
    kunci: &KunciTtd,
) -> TtdResult<Persiapan> {
    let hilang = || TtdError::Pdf("tempat tanda tangan tidak ditemukan".into());
    // The hole: '<' + hex zeros + '>'.
    let mut pola = Vec::with_capacity(ruang * 2 + 2);
    pola.push(b'<');
    pola.extend(std::iter::repeat_n(b'0', ruang * 2));
    pola.push(b'>');
    let b = cari(&out, &pola, awal_update).ok_or_else(hilang)?;
    let c = b + pola.len();
    let d = out.len() - c;
    for (sentinel, nilai) in SENTINEL.iter().zip([b, c, d]) {
        let s = sentinel.to_string();
        let pos = cari(&out, s.as_bytes(), awal_update).ok_or_else(hilang)?;
        let teks = format!("{nilai:<LEBAR_ANGKA$}");
        if teks.len() != LEBAR_ANGKA {
            return Err(TtdError::Pdf("dokumen terlalu besar".into()));
        }
        out[pos..pos + LEBAR_ANGKA].copy_from_slice(teks.as_bytes());
    }
    let mut h = Sha256::new();
    h.update(&out[..b]);
    h.update(&out[c..]);
    let digest = h.finalize();
    let cms = cms_ttd::tanda_tangani(kunci, &digest)?;
    Ok(Persiapan { out, b, c, cms })
}
