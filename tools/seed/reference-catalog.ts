/**
 * Banten UPTs and their products from docs/reference-data.md (plus Cipinang for a second Kanwil).
 * Names, prices and shelf lives are as reported or estimated there; satker codes and certificate
 * numbers are invented in the documented formats.
 */
export const KANWILS = [
  { code: 'KW-BANTEN', name: 'Kanwil Ditjenpas Banten' },
  { code: 'KW-DKI', name: 'Kanwil Ditjenpas DKI Jakarta' },
];

export const UPTS = [
  { code: 'LP-TGR-1', name: 'Lapas Kelas I Tangerang', type: 'LAPAS', class: 'I', kanwilCode: 'KW-BANTEN', satkerCode: '411001' },
  {
    code: 'LP-TGR-PMD',
    name: 'Lapas Pemuda Kelas IIA Tangerang',
    type: 'LAPAS',
    class: 'IIA',
    kanwilCode: 'KW-BANTEN',
    satkerCode: '411002',
  },
  {
    code: 'LPP-TGR',
    name: 'Lapas Perempuan Kelas IIA Tangerang',
    type: 'LPP',
    class: 'IIA',
    kanwilCode: 'KW-BANTEN',
    satkerCode: '411003',
  },
  { code: 'LPKA-TGR', name: 'LPKA Kelas I Tangerang', type: 'LPKA', class: 'I', kanwilCode: 'KW-BANTEN', satkerCode: '411004' },
  { code: 'RT-TGR-1', name: 'Rutan Kelas I Tangerang', type: 'RUTAN', class: 'I', kanwilCode: 'KW-BANTEN', satkerCode: '411005' },
  { code: 'LP-SRG', name: 'Lapas Kelas IIA Serang', type: 'LAPAS', class: 'IIA', kanwilCode: 'KW-BANTEN', satkerCode: '411006' },
  { code: 'LP-CLG', name: 'Lapas Kelas IIA Cilegon', type: 'LAPAS', class: 'IIA', kanwilCode: 'KW-BANTEN', satkerCode: '411007' },
  { code: 'LP-CIPINANG', name: 'Lapas Kelas I Cipinang', type: 'LAPAS', class: 'I', kanwilCode: 'KW-DKI', satkerCode: '412001' },
];

type Certificate = { kind: 'PIRT' | 'BPOM_MD' | 'HALAL'; number: string; issuedOn: string };
const pirt = (serial: string, issuedOn = '2024-06-03'): Certificate => ({ kind: 'PIRT', number: `P-IRT No. 2${serial}-29`, issuedOn });
const bpom = (serial: string): Certificate => ({ kind: 'BPOM_MD', number: `MD ${serial}`, issuedOn: '2025-02-10' });
const halal = (serial: number): Certificate => ({
  kind: 'HALAL',
  number: `ID3611001234567${String(serial).padStart(4, '0')}`,
  issuedOn: '2026-03-02',
});

export interface SeedProduct {
  uptCode: string;
  sku: string;
  name: string;
  category: string;
  unit: string;
  price: number;
  shelfLifeDays?: number;
  certificates?: Certificate[];
  description?: string;
}

export const PRODUCTS: SeedProduct[] = [
  {
    uptCode: 'LP-TGR-1',
    sku: 'KRP-TEMPE-100',
    name: 'Keripik Tempe 100 g',
    category: 'food',
    unit: 'pack',
    price: 10_000,
    shelfLifeDays: 90,
    certificates: [pirt('063671010123'), halal(1)],
  },
  {
    uptCode: 'LP-TGR-1',
    sku: 'TELANG-250',
    name: 'Minuman Bunga Telang 250 ml',
    category: 'beverage',
    unit: 'bottle',
    price: 8_000,
    shelfLifeDays: 30,
    certificates: [pirt('063671010124'), halal(2)],
  },
  {
    uptCode: 'LP-TGR-1',
    sku: 'PAVING-K100',
    name: 'Paving block K-100 (per piece)',
    category: 'building-material',
    unit: 'piece',
    price: 2_500,
    description: 'Jawara Beton',
  },
  {
    uptCode: 'LPP-TGR',
    sku: 'MAKARONI-150',
    name: 'Makaroni Keju 150 g',
    category: 'food',
    unit: 'pack',
    price: 15_000,
    shelfLifeDays: 60,
    certificates: [pirt('063671010125'), halal(3)],
  },
  {
    uptCode: 'LPP-TGR',
    sku: 'KRP-BAWANG-200',
    name: 'Keripik Bawang 200 g',
    category: 'food',
    unit: 'pack',
    price: 18_000,
    shelfLifeDays: 60,
    certificates: [pirt('063671010126'), halal(4)],
  },
  // a day of shelf life: approved and listed, but not consignable
  {
    uptCode: 'LPP-TGR',
    sku: 'BOLU-NONA',
    name: 'Bolu Nona Hitam Manis',
    category: 'food',
    unit: 'box',
    price: 45_000,
    shelfLifeDays: 1,
    certificates: [bpom('231100100001'), halal(5)],
  },
  {
    uptCode: 'LPP-TGR',
    sku: 'NASTAR-500',
    name: 'Nastar, jar 500 g',
    category: 'food',
    unit: 'jar',
    price: 95_000,
    shelfLifeDays: 90,
    certificates: [pirt('063671010127'), halal(6)],
  },
  { uptCode: 'LPP-TGR', sku: 'TAS-JEANS-PITA', name: 'Tas Jeans Sulam Pita', category: 'textile', unit: 'piece', price: 250_000 },
  { uptCode: 'RT-TGR-1', sku: 'RUTIRA-CASUAL', name: 'Sepatu Rutira casual', category: 'footwear', unit: 'pair', price: 175_000 },
  // three days of shelf life: P-IRT does not cover it, so it carries a BPOM MD number
  {
    uptCode: 'LPKA-TGR',
    sku: 'ROTI-MANIS',
    name: 'Roti manis',
    category: 'food',
    unit: 'piece',
    price: 4_000,
    shelfLifeDays: 3,
    certificates: [bpom('231100100002'), halal(7)],
  },
  { uptCode: 'LP-SRG', sku: 'LIDI-PIRING', name: 'Anyaman lidi: piring', category: 'craft', unit: 'piece', price: 8_000 },
  { uptCode: 'LP-SRG', sku: 'LIDI-KERANJANG', name: 'Anyaman lidi: keranjang', category: 'craft', unit: 'piece', price: 25_000 },
  { uptCode: 'LP-SRG', sku: 'LIDI-LAMPU', name: 'Anyaman lidi: lampu', category: 'craft', unit: 'piece', price: 50_000 },
  { uptCode: 'LP-CIPINANG', sku: 'BATIK-CIPINANG', name: 'Batik tulis Cipinang', category: 'textile', unit: 'piece', price: 300_000 },
];
