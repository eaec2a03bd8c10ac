-- The office directory (issue 22): every Kantor Imigrasi and the service units that take passport applications away
-- from it, with the kind of unit, its Kantor, province, phone and mail (when known), whether it issues electronic
-- passports, and where the row comes from.
--
-- SOURCE, read this before relying on a row. The network was not reachable when this list was written: it was
-- compiled on 2026-12-06 from the public lists of the Direktorat Jenderal Imigrasi (imigrasi.go.id, "Kantor
-- Imigrasi" per Kanwil) and the offices' own pages AS THE AUTHOR KNEW THEM, not read from them that day. It has 120
-- Kantor Imigrasi (the Ditjen counts about 125 across 33 Kanwil) and the units the author knew of; class names
-- (Kelas I/II/III, TPI/Non TPI), addresses and coordinates are to be checked against the Ditjen Imigrasi list.
-- Coordinates are approximate: the office building for the 46 offices of V2 (~100 m), the town for the others (a
-- few km). Phone and mail are left empty rather than guessed: no number here was read from a source. The `source`
-- column says the same on every row, so an API client sees it too.
ALTER TABLE office
    ADD COLUMN province      TEXT,
    ADD COLUMN unit_kind     TEXT    NOT NULL DEFAULT 'KANTOR' CHECK (unit_kind IN ('KANTOR', 'ULP', 'MPP', 'UKK')),
    ADD COLUMN parent_office TEXT    REFERENCES office (code),
    ADD COLUMN phone         TEXT,
    ADD COLUMN email         TEXT,
    ADD COLUMN e_passport    BOOLEAN NOT NULL DEFAULT true,
    ADD COLUMN source        TEXT,
    -- a Kantor Imigrasi stands alone; a unit (ULP, MPP counter, UKK) belongs to a Kantor
    ADD CONSTRAINT office_unit_has_parent CHECK ((unit_kind = 'KANTOR') = (parent_office IS NULL));

CREATE INDEX office_parent ON office (parent_office) WHERE parent_office IS NOT NULL;

-- The 46 offices of V2 keep their codes (other services and tests name them); they get their province.
UPDATE office o SET province = p.province
FROM (VALUES ('BNA', 'Aceh'), ('MDN', 'Sumatera Utara'), ('PDG', 'Sumatera Barat'), ('PKU', 'Riau'),
             ('BTM', 'Kepulauan Riau'), ('JMB', 'Jambi'), ('PLM', 'Sumatera Selatan'), ('BKL', 'Bengkulu'),
             ('BDL', 'Lampung'), ('SRG', 'Banten'), ('TGR', 'Banten'), ('SOETTA', 'Banten'),
             ('JKTSEL', 'DKI Jakarta'), ('JKTPUS', 'DKI Jakarta'), ('JKTUTR', 'DKI Jakarta'), ('JKTBAR', 'DKI Jakarta'),
             ('JKTTIM', 'DKI Jakarta'), ('BKS', 'Jawa Barat'), ('DPK', 'Jawa Barat'), ('BGR', 'Jawa Barat'),
             ('BDG', 'Jawa Barat'), ('SMG', 'Jawa Tengah'), ('YGY', 'DI Yogyakarta'), ('SKA', 'Jawa Tengah'),
             ('SBY', 'Jawa Timur'), ('TPRK', 'Jawa Timur'), ('MLG', 'Jawa Timur'), ('PNK', 'Kalimantan Barat'),
             ('PKY', 'Kalimantan Tengah'), ('DPS', 'Bali'), ('NGR', 'Bali'), ('MTR', 'Nusa Tenggara Barat'),
             ('KPG', 'Nusa Tenggara Timur'), ('BJM', 'Kalimantan Selatan'), ('BPN', 'Kalimantan Timur'),
             ('SMD', 'Kalimantan Timur'), ('MKS', 'Sulawesi Selatan'), ('PLU', 'Sulawesi Tengah'),
             ('KDI', 'Sulawesi Tenggara'), ('MND', 'Sulawesi Utara'), ('AMB', 'Maluku'), ('TTE', 'Maluku Utara'),
             ('SOQ', 'Papua Barat Daya'), ('TIM', 'Papua Tengah'), ('MKQ', 'Papua Selatan'), ('DJJ', 'Papua'))
     AS p(code, province)
WHERE o.code = p.code;

UPDATE office SET source = 'Seed V2 (address and building coordinates as published by the office); compiled'
    || ' 2026-12-06 from the Ditjen Imigrasi list of Kantor Imigrasi as known, not read that day: to be checked'
    || ' against imigrasi.go.id';

-- Kantor Imigrasi not in V2. Address: the street where known, else the town; coordinates: the town, approximate.
INSERT INTO office (code, name, city, province, address, latitude, longitude, time_zone, zone_id) VALUES
-- WIB (Asia/Jakarta): Sumatra, Java
('SAB',    'Kantor Imigrasi Kelas II TPI Sabang',                    'Sabang',               'Aceh',              'Kota Sabang',                          5.8926,  95.3238, 'WIB', 'Asia/Jakarta'),
('LSW',    'Kantor Imigrasi Kelas II TPI Lhokseumawe',               'Lhokseumawe',          'Aceh',              'Kota Lhokseumawe',                     5.1801,  97.1507, 'WIB', 'Asia/Jakarta'),
('LGS',    'Kantor Imigrasi Kelas II TPI Langsa',                    'Langsa',               'Aceh',              'Kota Langsa',                          4.4683,  97.9683, 'WIB', 'Asia/Jakarta'),
('MEU',    'Kantor Imigrasi Kelas II TPI Meulaboh',                  'Aceh Barat',           'Aceh',              'Meulaboh, Aceh Barat',                 4.1443,  96.1280, 'WIB', 'Asia/Jakarta'),
('TKG',    'Kantor Imigrasi Kelas II Non TPI Takengon',              'Aceh Tengah',          'Aceh',              'Takengon, Aceh Tengah',                4.6270,  96.8440, 'WIB', 'Asia/Jakarta'),
('PLN',    'Kantor Imigrasi Kelas I TPI Polonia',                    'Medan',                'Sumatera Utara',    'Jl. Mangkubumi, Medan',                3.5700,  98.6720, 'WIB', 'Asia/Jakarta'),
('BLW',    'Kantor Imigrasi Kelas I TPI Belawan',                    'Medan',                'Sumatera Utara',    'Belawan, Medan',                       3.7755,  98.6832, 'WIB', 'Asia/Jakarta'),
('TJB',    'Kantor Imigrasi Kelas II TPI Tanjung Balai Asahan',      'Tanjungbalai',         'Sumatera Utara',    'Kota Tanjungbalai',                    2.9667,  99.8000, 'WIB', 'Asia/Jakarta'),
('PMS',    'Kantor Imigrasi Kelas II Non TPI Pematang Siantar',      'Pematangsiantar',      'Sumatera Utara',    'Kota Pematangsiantar',                 2.9595,  99.0687, 'WIB', 'Asia/Jakarta'),
('SBL',    'Kantor Imigrasi Kelas II TPI Sibolga',                   'Sibolga',              'Sumatera Utara',    'Kota Sibolga',                         1.7427,  98.7792, 'WIB', 'Asia/Jakarta'),
('AGM',    'Kantor Imigrasi Kelas II Non TPI Agam',                  'Agam',                 'Sumatera Barat',    'Bukittinggi, Agam',                   -0.3050, 100.3690, 'WIB', 'Asia/Jakarta'),
('DUM',    'Kantor Imigrasi Kelas II TPI Dumai',                     'Dumai',                'Riau',              'Kota Dumai',                           1.6666, 101.4473, 'WIB', 'Asia/Jakarta'),
('BGS',    'Kantor Imigrasi Kelas II TPI Bagansiapiapi',             'Rokan Hilir',          'Riau',              'Bagansiapiapi, Rokan Hilir',           2.1573, 100.8070, 'WIB', 'Asia/Jakarta'),
('SPJ',    'Kantor Imigrasi Kelas II TPI Selatpanjang',              'Kepulauan Meranti',    'Riau',              'Selatpanjang, Kepulauan Meranti',      1.0100, 102.7150, 'WIB', 'Asia/Jakarta'),
('TBH',    'Kantor Imigrasi Kelas II TPI Tembilahan',                'Indragiri Hilir',      'Riau',              'Tembilahan, Indragiri Hilir',         -0.3200, 103.1600, 'WIB', 'Asia/Jakarta'),
('BKLS',   'Kantor Imigrasi Kelas II TPI Bengkalis',                 'Bengkalis',            'Riau',              'Bengkalis',                            1.4670, 102.1050, 'WIB', 'Asia/Jakarta'),
('TPG',    'Kantor Imigrasi Kelas I TPI Tanjung Pinang',             'Tanjung Pinang',       'Kepulauan Riau',    'Kota Tanjung Pinang',                  0.9180, 104.4600, 'WIB', 'Asia/Jakarta'),
('TBK',    'Kantor Imigrasi Kelas I TPI Tanjung Balai Karimun',      'Karimun',              'Kepulauan Riau',    'Tanjung Balai Karimun, Karimun',       1.0000, 103.4200, 'WIB', 'Asia/Jakarta'),
('TUB',    'Kantor Imigrasi Kelas II TPI Tanjung Uban',              'Bintan',               'Kepulauan Riau',    'Tanjung Uban, Bintan',                 1.0650, 104.2200, 'WIB', 'Asia/Jakarta'),
('RNI',    'Kantor Imigrasi Kelas II TPI Ranai',                     'Natuna',               'Kepulauan Riau',    'Ranai, Natuna',                        3.9430, 108.3800, 'WIB', 'Asia/Jakarta'),
('DBS',    'Kantor Imigrasi Kelas II TPI Dabo Singkep',              'Lingga',               'Kepulauan Riau',    'Dabo Singkep, Lingga',                -0.4840, 104.5650, 'WIB', 'Asia/Jakarta'),
('TRP',    'Kantor Imigrasi Kelas II TPI Tarempa',                   'Kepulauan Anambas',    'Kepulauan Riau',    'Tarempa, Kepulauan Anambas',           3.2200, 106.2200, 'WIB', 'Asia/Jakarta'),
('BLP',    'Kantor Imigrasi Kelas II TPI Belakang Padang',           'Batam',                'Kepulauan Riau',    'Belakang Padang, Batam',               1.1580, 103.8980, 'WIB', 'Asia/Jakarta'),
('KTG',    'Kantor Imigrasi Kelas II TPI Kuala Tungkal',             'Tanjung Jabung Barat', 'Jambi',             'Kuala Tungkal, Tanjung Jabung Barat', -0.8160, 103.4600, 'WIB', 'Asia/Jakarta'),
('MRE',    'Kantor Imigrasi Kelas III Non TPI Muara Enim',           'Muara Enim',           'Sumatera Selatan',  'Muara Enim',                          -3.6600, 103.7800, 'WIB', 'Asia/Jakarta'),
('PGK',    'Kantor Imigrasi Kelas I TPI Pangkal Pinang',             'Pangkal Pinang',       'Kepulauan Bangka Belitung', 'Kota Pangkal Pinang',         -2.1290, 106.1140, 'WIB', 'Asia/Jakarta'),
('TJQ',    'Kantor Imigrasi Kelas II TPI Tanjung Pandan',            'Belitung',             'Kepulauan Bangka Belitung', 'Tanjung Pandan, Belitung',    -2.7460, 107.6350, 'WIB', 'Asia/Jakarta'),
('KTB',    'Kantor Imigrasi Kelas III Non TPI Kotabumi',             'Lampung Utara',        'Lampung',           'Kotabumi, Lampung Utara',             -4.8330, 104.8880, 'WIB', 'Asia/Jakarta'),
('CLG',    'Kantor Imigrasi Kelas II TPI Cilegon',                   'Cilegon',              'Banten',            'Kota Cilegon',                        -6.0180, 106.0550, 'WIB', 'Asia/Jakarta'),
('CRB',    'Kantor Imigrasi Kelas II TPI Cirebon',                   'Cirebon',              'Jawa Barat',        'Kota Cirebon',                        -6.7320, 108.5520, 'WIB', 'Asia/Jakarta'),
('SKB',    'Kantor Imigrasi Kelas II Non TPI Sukabumi',              'Sukabumi',             'Jawa Barat',        'Kota Sukabumi',                       -6.9220, 106.9270, 'WIB', 'Asia/Jakarta'),
('TSK',    'Kantor Imigrasi Kelas II Non TPI Tasikmalaya',           'Tasikmalaya',          'Jawa Barat',        'Kota Tasikmalaya',                    -7.3270, 108.2200, 'WIB', 'Asia/Jakarta'),
('KRW',    'Kantor Imigrasi Kelas II Non TPI Karawang',              'Karawang',             'Jawa Barat',        'Karawang',                            -6.3050, 107.3000, 'WIB', 'Asia/Jakarta'),
('CLP',    'Kantor Imigrasi Kelas II TPI Cilacap',                   'Cilacap',              'Jawa Tengah',       'Cilacap',                             -7.7260, 109.0090, 'WIB', 'Asia/Jakarta'),
('PTI',    'Kantor Imigrasi Kelas II Non TPI Pati',                  'Pati',                 'Jawa Tengah',       'Pati',                                -6.7550, 111.0380, 'WIB', 'Asia/Jakarta'),
('PML',    'Kantor Imigrasi Kelas II Non TPI Pemalang',              'Pemalang',             'Jawa Tengah',       'Pemalang',                            -6.8900, 109.3800, 'WIB', 'Asia/Jakarta'),
('WNS',    'Kantor Imigrasi Kelas II Non TPI Wonosobo',              'Wonosobo',             'Jawa Tengah',       'Wonosobo',                            -7.3600, 109.9000, 'WIB', 'Asia/Jakarta'),
('KDR',    'Kantor Imigrasi Kelas II Non TPI Kediri',                'Kediri',               'Jawa Timur',        'Kota Kediri',                         -7.8170, 112.0110, 'WIB', 'Asia/Jakarta'),
('BLT',    'Kantor Imigrasi Kelas II Non TPI Blitar',                'Blitar',               'Jawa Timur',        'Kota Blitar',                         -8.0980, 112.1680, 'WIB', 'Asia/Jakarta'),
('MDU',    'Kantor Imigrasi Kelas II Non TPI Madiun',                'Madiun',               'Jawa Timur',        'Kota Madiun',                         -7.6300, 111.5230, 'WIB', 'Asia/Jakarta'),
('JBR',    'Kantor Imigrasi Kelas II Non TPI Jember',                'Jember',               'Jawa Timur',        'Jember',                              -8.1720, 113.7000, 'WIB', 'Asia/Jakarta'),
('PMK',    'Kantor Imigrasi Kelas II Non TPI Pamekasan',             'Pamekasan',            'Jawa Timur',        'Pamekasan',                           -7.1600, 113.4800, 'WIB', 'Asia/Jakarta'),
('PNG',    'Kantor Imigrasi Kelas II Non TPI Ponorogo',              'Ponorogo',             'Jawa Timur',        'Ponorogo',                            -7.8710, 111.4620, 'WIB', 'Asia/Jakarta'),
('BWI',    'Kantor Imigrasi Kelas II Non TPI Banyuwangi',            'Banyuwangi',           'Jawa Timur',        'Banyuwangi',                          -8.2190, 114.3690, 'WIB', 'Asia/Jakarta'),
-- WIB (Asia/Pontianak): West and Central Kalimantan
('SKW',    'Kantor Imigrasi Kelas II TPI Singkawang',                'Singkawang',           'Kalimantan Barat',  'Kota Singkawang',                      0.9070, 108.9840, 'WIB', 'Asia/Pontianak'),
('SGU',    'Kantor Imigrasi Kelas II TPI Sanggau',                   'Sanggau',              'Kalimantan Barat',  'Sanggau',                              0.1200, 110.5900, 'WIB', 'Asia/Pontianak'),
('ETK',    'Kantor Imigrasi Kelas II TPI Entikong',                  'Sanggau',              'Kalimantan Barat',  'Entikong, Sanggau',                    1.0217, 110.3586, 'WIB', 'Asia/Pontianak'),
('KTP',    'Kantor Imigrasi Kelas II TPI Ketapang',                  'Ketapang',             'Kalimantan Barat',  'Ketapang',                            -1.8500, 109.9800, 'WIB', 'Asia/Pontianak'),
('PSU',    'Kantor Imigrasi Kelas II TPI Putussibau',                'Kapuas Hulu',          'Kalimantan Barat',  'Putussibau, Kapuas Hulu',              0.8360, 112.9300, 'WIB', 'Asia/Pontianak'),
('SBS',    'Kantor Imigrasi Kelas II TPI Sambas',                    'Sambas',               'Kalimantan Barat',  'Sambas',                               1.3620, 109.3000, 'WIB', 'Asia/Pontianak'),
('SMQ',    'Kantor Imigrasi Kelas II TPI Sampit',                    'Kotawaringin Timur',   'Kalimantan Tengah', 'Sampit, Kotawaringin Timur',          -2.5380, 112.9500, 'WIB', 'Asia/Pontianak'),
('PKN',    'Kantor Imigrasi Kelas II TPI Pangkalan Bun',             'Kotawaringin Barat',   'Kalimantan Tengah', 'Pangkalan Bun, Kotawaringin Barat',   -2.6860, 111.6250, 'WIB', 'Asia/Pontianak'),
-- WITA (Asia/Makassar): Bali, Nusa Tenggara, South/East/North Kalimantan, Sulawesi
('SGR',    'Kantor Imigrasi Kelas II TPI Singaraja',                 'Buleleng',             'Bali',              'Singaraja, Buleleng',                 -8.1120, 115.0880, 'WITA', 'Asia/Makassar'),
('SWQ',    'Kantor Imigrasi Kelas III Non TPI Sumbawa Besar',        'Sumbawa',              'Nusa Tenggara Barat', 'Sumbawa Besar, Sumbawa',            -8.4930, 117.4200, 'WITA', 'Asia/Makassar'),
('BMU',    'Kantor Imigrasi Kelas III Non TPI Bima',                 'Bima',                 'Nusa Tenggara Barat', 'Kota Bima',                         -8.4600, 118.7270, 'WITA', 'Asia/Makassar'),
('ABU',    'Kantor Imigrasi Kelas II TPI Atambua',                   'Belu',                 'Nusa Tenggara Timur', 'Atambua, Belu',                     -9.1060, 124.8920, 'WITA', 'Asia/Makassar'),
('MOF',    'Kantor Imigrasi Kelas II TPI Maumere',                   'Sikka',                'Nusa Tenggara Timur', 'Maumere, Sikka',                    -8.6200, 122.2120, 'WITA', 'Asia/Makassar'),
('LBJ',    'Kantor Imigrasi Kelas II TPI Labuan Bajo',               'Manggarai Barat',      'Nusa Tenggara Timur', 'Labuan Bajo, Manggarai Barat',      -8.4960, 119.8880, 'WITA', 'Asia/Makassar'),
('BTL',    'Kantor Imigrasi Kelas II TPI Batulicin',                 'Tanah Bumbu',          'Kalimantan Selatan', 'Batulicin, Tanah Bumbu',             -3.4460, 115.9970, 'WITA', 'Asia/Makassar'),
('TRB',    'Kantor Imigrasi Kelas II TPI Tanjung Redeb',             'Berau',                'Kalimantan Timur',  'Tanjung Redeb, Berau',                 2.1500, 117.4900, 'WITA', 'Asia/Makassar'),
('TRK',    'Kantor Imigrasi Kelas II TPI Tarakan',                   'Tarakan',              'Kalimantan Utara',  'Kota Tarakan',                         3.3000, 117.6330, 'WITA', 'Asia/Makassar'),
('NNX',    'Kantor Imigrasi Kelas II TPI Nunukan',                   'Nunukan',              'Kalimantan Utara',  'Nunukan',                              4.1400, 117.6700, 'WITA', 'Asia/Makassar'),
('BIT',    'Kantor Imigrasi Kelas II TPI Bitung',                    'Bitung',               'Sulawesi Utara',    'Kota Bitung',                          1.4450, 125.1820, 'WITA', 'Asia/Makassar'),
('NAH',    'Kantor Imigrasi Kelas II TPI Tahuna',                    'Kepulauan Sangihe',    'Sulawesi Utara',    'Tahuna, Kepulauan Sangihe',            3.6070, 125.4900, 'WITA', 'Asia/Makassar'),
('KTM',    'Kantor Imigrasi Kelas III Non TPI Kotamobagu',           'Kotamobagu',           'Sulawesi Utara',    'Kota Kotamobagu',                      0.7300, 124.3150, 'WITA', 'Asia/Makassar'),
('GTO',    'Kantor Imigrasi Kelas II TPI Gorontalo',                 'Gorontalo',            'Gorontalo',         'Kota Gorontalo',                       0.5430, 123.0580, 'WITA', 'Asia/Makassar'),
('MJU',    'Kantor Imigrasi Kelas III Non TPI Mamuju',               'Mamuju',               'Sulawesi Barat',    'Mamuju',                              -2.6760, 118.8880, 'WITA', 'Asia/Makassar'),
('PRP',    'Kantor Imigrasi Kelas II TPI Parepare',                  'Parepare',             'Sulawesi Selatan',  'Kota Parepare',                       -4.0130, 119.6300, 'WITA', 'Asia/Makassar'),
('PLW',    'Kantor Imigrasi Kelas II Non TPI Palopo',                'Palopo',               'Sulawesi Selatan',  'Kota Palopo',                         -2.9930, 120.1960, 'WITA', 'Asia/Makassar'),
('BUW',    'Kantor Imigrasi Kelas II TPI Baubau',                    'Baubau',               'Sulawesi Tenggara', 'Kota Baubau',                         -5.4700, 122.6000, 'WITA', 'Asia/Makassar'),
-- WIT (Asia/Jayapura): Maluku and Papua
('TUA',    'Kantor Imigrasi Kelas II TPI Tual',                      'Tual',                 'Maluku',            'Kota Tual',                           -5.6400, 132.7400, 'WIT', 'Asia/Jayapura'),
('TBL',    'Kantor Imigrasi Kelas III Non TPI Tobelo',               'Halmahera Utara',      'Maluku Utara',      'Tobelo, Halmahera Utara',              1.7280, 128.0080, 'WIT', 'Asia/Jayapura'),
('BIK',    'Kantor Imigrasi Kelas II TPI Biak',                      'Biak Numfor',          'Papua',             'Biak, Biak Numfor',                   -1.1800, 136.0800, 'WIT', 'Asia/Jayapura'),
('MKW',    'Kantor Imigrasi Kelas II TPI Manokwari',                 'Manokwari',            'Papua Barat',       'Manokwari',                           -0.8610, 134.0620, 'WIT', 'Asia/Jayapura');

UPDATE office SET source = 'Ditjen Imigrasi list of Kantor Imigrasi (imigrasi.go.id) as known to the author, compiled'
    || ' 2026-12-06 without network access, not read that day: to be checked; address = town where the street was'
    || ' not known; coordinates approximate (town)'
WHERE source IS NULL;

-- Service units: a Unit Layanan Paspor (ULP), a passport counter in a Mal Pelayanan Publik (MPP) or a Unit Kerja
-- Kantor (UKK), each run by its Kantor. Only units the author knew of; the Ditjen list has more (to be completed).
-- Electronic passports: the Kantor and its ULPs (same equipment); an MPP counter or a UKK takes ordinary passports.
INSERT INTO office (code, name, city, province, address, latitude, longitude, time_zone, zone_id, unit_kind,
                    parent_office, e_passport, source) VALUES
('ULPKOKAS',  'Unit Layanan Paspor Kantor Imigrasi Jakarta Selatan - Kota Kasablanka', 'Jakarta Selatan', 'DKI Jakarta', 'Mal Kota Kasablanka, Jl. Casablanca Raya Kav. 88, Tebet', -6.2243, 106.8430, 'WIB', 'Asia/Jakarta', 'ULP', 'JKTSEL', true, NULL),
('ULPTPALEM', 'Unit Layanan Paspor Kantor Imigrasi Jakarta Barat - Taman Palem',        'Jakarta Barat',   'DKI Jakarta', 'Mal Taman Palem, Cengkareng',                              -6.1330, 106.7220, 'WIB', 'Asia/Jakarta', 'ULP', 'JKTBAR', true, NULL),
('ULPSMB',    'Unit Layanan Paspor Kantor Imigrasi Bekasi - Summarecon Mal Bekasi',    'Bekasi',          'Jawa Barat',  'Summarecon Mal Bekasi, Bekasi Utara',                      -6.2260, 107.0010, 'WIB', 'Asia/Jakarta', 'ULP', 'BKS', true, NULL),
('MPPDKI',    'Mal Pelayanan Publik DKI Jakarta - layanan paspor Kantor Imigrasi Jakarta Selatan', 'Jakarta Selatan', 'DKI Jakarta', 'Jl. H.R. Rasuna Said Kav. C-22, Kuningan', -6.2195, 106.8310, 'WIB', 'Asia/Jakarta', 'MPP', 'JKTSEL', false, NULL),
('MPPKBGR',   'Mal Pelayanan Publik Kabupaten Bogor - layanan paspor Kantor Imigrasi Bogor', 'Bogor',         'Jawa Barat',  'Cibinong, Kabupaten Bogor',                                -6.4820, 106.8450, 'WIB', 'Asia/Jakarta', 'MPP', 'BGR', false, NULL),
('MPPBWI',    'Mal Pelayanan Publik Banyuwangi - layanan paspor Kantor Imigrasi Banyuwangi', 'Banyuwangi',    'Jawa Timur',  'Banyuwangi',                                               -8.2150, 114.3660, 'WIB', 'Asia/Jakarta', 'MPP', 'BWI', false, NULL),
('MPPBTM',    'Mal Pelayanan Publik Batam - layanan paspor Kantor Imigrasi Batam',     'Batam',           'Kepulauan Riau', 'Batam Centre, Batam',                                  1.1290, 104.0540, 'WIB', 'Asia/Jakarta', 'MPP', 'BTM', false, NULL),
('MPPBADUNG', 'Mal Pelayanan Publik Badung - layanan paspor Kantor Imigrasi Ngurah Rai', 'Badung',        'Bali',        'Pusat Pemerintahan Kabupaten Badung, Mangupura',           -8.5800, 115.1770, 'WITA', 'Asia/Makassar', 'MPP', 'NGR', false, NULL),
('UKKBUNGO',  'Unit Kerja Kantor Imigrasi Jambi di Muara Bungo',                       'Bungo',           'Jambi',       'Muara Bungo, Bungo',                                       -1.4850, 102.1170, 'WIB', 'Asia/Jakarta', 'UKK', 'JMB', false, NULL),
('UKKTALAUD', 'Unit Kerja Kantor Imigrasi Tahuna di Melonguane',                       'Kepulauan Talaud', 'Sulawesi Utara', 'Melonguane, Kepulauan Talaud',                       3.9600, 126.6900, 'WITA', 'Asia/Makassar', 'UKK', 'NAH', false, NULL),
('UKKWAISAI', 'Unit Kerja Kantor Imigrasi Sorong di Waisai',                           'Raja Ampat',      'Papua Barat Daya', 'Waisai, Raja Ampat',                                  -0.4300, 130.8200, 'WIT', 'Asia/Jayapura', 'UKK', 'SOQ', false, NULL);

UPDATE office SET source = 'Service units as known to the author (ULP/MPP/UKK announcements of the Kantor, Ditjen'
    || ' Imigrasi), compiled 2026-12-06 without network access, not read that day: to be checked and completed;'
    || ' coordinates approximate'
WHERE source IS NULL;

ALTER TABLE office ALTER COLUMN province SET NOT NULL, ALTER COLUMN source SET NOT NULL;

-- Opening hours of the new rows: V70's defaults (Monday to Thursday 08:00-16:00; Friday 08:00-11:30 and
-- 13:00-16:00, the prayer break), for every office that has none yet.
INSERT INTO office_hours (office_code, weekday, opens, closes)
SELECT o.code, h.weekday, h.opens, h.closes
FROM office o
CROSS JOIN (VALUES (1, TIME '08:00', TIME '16:00'),
                   (2, TIME '08:00', TIME '16:00'),
                   (3, TIME '08:00', TIME '16:00'),
                   (4, TIME '08:00', TIME '16:00'),
                   (5, TIME '08:00', TIME '11:30'),
                   (5, TIME '13:00', TIME '16:00')) AS h(weekday, opens, closes)
WHERE NOT EXISTS (SELECT 1 FROM office_hours x WHERE x.office_code = o.code);

-- A unit serves the regular line only (no same-day, no walk-in quota: those are the Kantor's), with fewer places:
-- weekday rules, so the directory's services (ServicesOffered) and what a release puts on sale
-- (CapacityRepository.materialize) say the same. An ULP 40 + 40 a day, an MPP counter 25 + 25, a UKK 15 mornings.
INSERT INTO office_rule (office_code, weekday, service, session, capacity)
SELECT o.code, d.weekday, 'REGULAR', s.session,
       CASE o.unit_kind WHEN 'ULP' THEN 40 WHEN 'MPP' THEN 25 ELSE (CASE s.session WHEN 'MORNING' THEN 15 ELSE 0 END) END
FROM office o
CROSS JOIN generate_series(1, 5) AS d(weekday)
CROSS JOIN (VALUES ('MORNING'), ('AFTERNOON')) AS s(session)
WHERE o.unit_kind <> 'KANTOR';
