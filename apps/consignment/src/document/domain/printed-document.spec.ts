import type { Dispatch } from '../../dispatch/domain/dispatch';
import { bastRefusal } from './document-rules';
import {
  bast,
  bastNumber,
  derivedNumber,
  documentFilename,
  documentUrl,
  returnNote,
  stockCountRecord,
  suratJalan,
  type DocumentContext,
} from './printed-document';

const context: DocumentContext = {
  id: '0193a000-0000-7000-8000-00000000abcd',
  upt: { code: 'LP-TGR-1', name: 'Lapas Kelas I Tangerang', details: ['Kanwil Banten'] },
  venue: { code: 'IMI-TGR-LOUNGE', name: 'Lounge Imigrasi Tangerang', details: ['Kanwil Banten'] },
  timeZone: 'Asia/Makassar',
  products: new Map([
    ['p-1', { name: 'Keripik Tempe 100 g', sku: 'KRP-TEMPE-100', unit: 'pcs' }],
    ['p-2', { name: 'Teh Telang 250 g', sku: 'TELANG-250', unit: 'pack' }],
  ]),
  consolePublicUrl: 'https://konsol.example.go.id/',
};

const dispatch: Dispatch = {
  id: context.id,
  number: 'SJ/LP-TGR-1/2026/0007',
  agreementId: 'a-1',
  uptCode: 'LP-TGR-1',
  venueCode: 'IMI-TGR-LOUNGE',
  venueKanwilCode: 'KW-BANTEN',
  status: 'RECEIVED',
  dispatchedAt: '2026-10-31T15:30:00.000Z',
  receivedAt: '2026-11-01T02:00:00.000Z',
  cancelledAt: null,
  cancelReason: null,
  lines: [
    {
      lineNo: 1,
      productId: 'p-1',
      lotCode: 'KT-1',
      expiryDate: '2027-01-05',
      quantity: 20,
      unitPrice: 10_000,
      accepted: 18,
      damaged: 1,
      short: 1,
      reason: 'satu sobek, satu kurang',
    },
    {
      lineNo: 2,
      productId: 'p-2',
      lotCode: 'BT-1',
      expiryDate: '9999-12-31',
      quantity: 10,
      unitPrice: 1_234_567,
      accepted: 10,
      damaged: 0,
      short: 0,
      reason: null,
    },
  ],
};

describe('document numbers and addresses', () => {
  it("opens the document's console page, whatever trailing slash the setting has", () => {
    expect(documentUrl('https://konsol.example.go.id/', 'surat-jalan', 'abc')).toBe('https://konsol.example.go.id/dokumen/surat-jalan/abc');
    expect(documentUrl('http://localhost:3000', 'stok-opname', 'abc')).toBe('http://localhost:3000/dokumen/stok-opname/abc');
  });

  it('offers the file under the number without slashes', () => {
    expect(documentFilename('SJ/LP-TGR-1/2026/0001')).toBe('SJ-LP-TGR-1-2026-0001.pdf');
  });

  it("gives the BAST the surat jalan's sequence", () => {
    expect(bastNumber('SJ/LP-TGR-1/2026/0001')).toBe('BAST/LP-TGR-1/2026/0001');
  });

  it("derives a stable number from the record's id and its year in the venue's zone", () => {
    const id = '0193a000-0000-7000-8000-0000deadbeef';
    // 31 Dec 2026 23:30 in Jayapura is already 2027 there
    expect(derivedNumber('RET', 'IMI-TGR-LOUNGE', id, '2026-12-31T15:30:00.000Z', 'Asia/Jayapura')).toBe(
      'RET/IMI-TGR-LOUNGE/2027/DEADBEEF',
    );
    expect(derivedNumber('RET', 'IMI-TGR-LOUNGE', id, '2026-12-31T15:30:00.000Z', 'Asia/Jakarta')).toBe('RET/IMI-TGR-LOUNGE/2026/DEADBEEF');
  });
});

describe('the surat jalan', () => {
  const doc = suratJalan(dispatch, context);

  it("is numbered as the dispatch, dated in the venue's zone, from the UPT to the venue", () => {
    expect(doc.number).toBe('SJ/LP-TGR-1/2026/0007');
    expect(doc.facts[0]).toEqual(['Tanggal kirim', '31 Okt 2026, 23.30 WITA']);
    expect(doc.parties.map((p) => [p.heading, p.party.code])).toEqual([
      ['Pengirim', 'LP-TGR-1'],
      ['Penerima', 'IMI-TGR-LOUNGE'],
    ]);
    expect(doc.qrUrl).toBe(`https://konsol.example.go.id/dokumen/surat-jalan/${context.id}`);
  });

  it('lists each lot with name, SKU, expiry, quantity and price, then the total units', () => {
    expect(doc.rows.map((r) => r.cells)).toEqual([
      ['1', 'Keripik Tempe 100 g', 'KRP-TEMPE-100', 'KT-1', '5 Jan 2027', '20 pcs', 'Rp 10.000'],
      ['2', 'Teh Telang 250 g', 'TELANG-250', 'BT-1', '-', '10 pack', 'Rp 1.234.567'],
      ['', 'Jumlah', '', '', '', '30', ''],
    ]);
    expect(doc.columns).toHaveLength(doc.rows[0].cells.length);
  });

  it('says when the dispatch was cancelled', () => {
    const cancelled = suratJalan({ ...dispatch, status: 'CANCELLED', cancelReason: 'truk rusak' }, context);
    expect(cancelled.facts).toContainEqual(['Status', 'DIBATALKAN: truk rusak']);
  });

  it('leaves name and NIP to be written by hand in both signature blocks', () => {
    expect(doc.signatures.map((s) => [s.heading, s.party, s.lines.map((l) => l.split(':')[0])])).toEqual([
      ['Yang menyerahkan', 'Lapas Kelas I Tangerang', ['Nama', 'NIP']],
      ['Yang menerima', 'Lounge Imigrasi Tangerang', ['Nama', 'NIP']],
    ]);
  });
});

describe('the berita acara serah terima', () => {
  it('exists only once the venue confirmed the receipt', () => {
    expect(bastRefusal(dispatch)).toBeUndefined();
    expect(bastRefusal({ ...dispatch, status: 'IN_TRANSIT' })).toMatchObject({
      code: 'DISPATCH_NOT_RECEIVED',
      details: { current: 'IN_TRANSIT' },
    });
    expect(bastRefusal({ ...dispatch, status: 'CANCELLED' })?.code).toBe('DISPATCH_NOT_RECEIVED');
  });

  it('shows sent, received, damaged and short per lot with the reason, and the totals', () => {
    const doc = bast({ ...dispatch, receivedAt: dispatch.receivedAt! }, context);
    expect(doc.number).toBe('BAST/LP-TGR-1/2026/0007');
    expect(doc.columns.map((c) => c.label).slice(5)).toEqual(['Dikirim', 'Diterima', 'Rusak', 'Kurang', 'Keterangan']);
    expect(doc.rows.map((r) => r.cells.slice(5))).toEqual([
      ['20', '18', '1', '1', 'satu sobek, satu kurang'],
      ['10', '10', '0', '0', ''],
      ['30', '28', '1', '1', ''],
    ]);
    expect(doc.facts[0]).toEqual(['Tanggal terima', '1 Nov 2026, 10.00 WITA']);
  });
});

describe('the return note and the stock count record', () => {
  it('sends the return from the venue to the UPT, with the reason and each lot in its condition', () => {
    const doc = returnNote(
      {
        id: context.id,
        agreementId: 'a-1',
        reason: 'expired',
        status: 'SHIPPED',
        shippedAt: '2026-11-02T01:00:00.000Z',
        receivedAt: null,
        lines: [{ productId: 'p-1', lotCode: 'KT-1', expiryDate: '2026-11-01', bucket: 'QUARANTINE', quantity: 3, unitPrice: 10_000 }],
      },
      context,
    );
    expect(doc.number).toBe('RET/IMI-TGR-LOUNGE/2026/0000ABCD');
    expect(doc.parties.map((p) => p.party.code)).toEqual(['IMI-TGR-LOUNGE', 'LP-TGR-1']);
    expect(doc.facts).toContainEqual(['Alasan retur', 'Kedaluwarsa']);
    expect(doc.rows[0].cells).toEqual(['1', 'Keripik Tempe 100 g', 'KRP-TEMPE-100', 'KT-1', '1 Nov 2026', 'Karantina', '3 pcs']);
    expect(doc.qrUrl).toMatch(/\/dokumen\/retur\//);
  });

  it('puts book, counted and a signed difference per lot', () => {
    const doc = stockCountRecord(
      {
        id: context.id,
        agreementId: 'a-1',
        countedAt: '2026-11-30T08:00:00.000Z',
        reason: 'stok opname akhir bulan',
        lines: [
          {
            productId: 'p-1',
            lotCode: 'KT-1',
            expiryDate: '2027-01-05',
            bucket: 'SELLABLE',
            book: 18,
            counted: 16,
            variance: -2,
            unitPrice: 10_000,
          },
          {
            productId: 'p-2',
            lotCode: 'BT-1',
            expiryDate: '9999-12-31',
            bucket: 'SELLABLE',
            book: 10,
            counted: 11,
            variance: 1,
            unitPrice: 8_000,
          },
        ],
      },
      context,
    );
    expect(doc.number).toBe('SO/IMI-TGR-LOUNGE/2026/0000ABCD');
    expect(doc.rows.map((r) => r.cells.slice(6))).toEqual([
      ['18', '16', '-2'],
      ['10', '11', '+1'],
      ['28', '27', '-1'],
    ]);
    expect(doc.qrUrl).toMatch(/\/dokumen\/stok-opname\//);
  });

  it('fits every table within the A4 page between 36 pt margins', () => {
    const docs = [suratJalan(dispatch, context), bast({ ...dispatch, receivedAt: dispatch.receivedAt! }, context)];
    for (const doc of docs) expect(doc.columns.reduce((s, c) => s + c.width, 0)).toBeLessThanOrEqual(595.28 - 72);
  });
});
