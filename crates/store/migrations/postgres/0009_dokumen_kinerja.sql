-- SIASN's document types 890 and 1179 ("Dokumen Evaluasi Kinerja", Riwayat Kinerja) back
-- appraisal rows as well as 891 (Realisasi SKP). Fresh databases get them from the seed;
-- this adds them where the accepted types were seeded before.
UPDATE ref_kewenangan SET dokumen_wajib = dokumen_wajib || ',890,1179'
WHERE jenis_riwayat IN ('skp', 'skp22')
  AND dokumen_wajib IS NOT NULL AND dokumen_wajib <> ''
  AND (',' || dokumen_wajib || ',') NOT LIKE '%,890,%';
