# Prints a position id, an education level id and a PROV-JABAR unit id from a demo's SQLite
# file, for the appointment journey's participant file: python3 scripts/acuan-demo.py DB
import sqlite3
import sys
import uuid

db = sqlite3.connect(sys.argv[1])
jabatan = db.execute("SELECT id FROM ref_jabatan ORDER BY id LIMIT 1").fetchone()[0]
pendidikan = db.execute("SELECT id FROM ref_tingkat_pendidikan ORDER BY id LIMIT 1").fetchone()[0]
unor = db.execute("SELECT id FROM unor WHERE instansi_id = 'PROV-JABAR' ORDER BY nama LIMIT 1").fetchone()[0]
print(jabatan, pendidikan, uuid.UUID(bytes=bytes(unor)))
