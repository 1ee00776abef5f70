import { mailBody, noticeText } from './notice-text';

describe('notice text (the e-mail)', () => {
  it('writes money as Rp 1.234.567 and days in Indonesian', () => {
    expect(noticeText('STATEMENT_ISSUED', { period: '2026-10', proceeds: 1_200_000, uptCode: 'LP-TGR-1' })).toEqual({
      title: 'Laporan penyelesaian LP-TGR-1 periode Oktober 2026 terbit',
      body: 'Laporan penyelesaian periode Oktober 2026 terbit dengan hasil penjualan Rp 1.200.000.',
    });
    // an exhibition's event period by its days
    expect(noticeText('STATEMENT_ISSUED', { period: '2026-11-27..2026-11-29', proceeds: 81_000, uptCode: 'LP-SRG' }).title).toBe(
      'Laporan penyelesaian LP-SRG periode 27–29 Nov 2026 terbit',
    );
    expect(noticeText('PNBP_NOT_DEPOSITED', { period: '2026-11-30..2026-12-02', paidAt: '2026-12-05T03:00:00Z' }).title).toBe(
      'PNBP periode 30 Nov – 2 Des 2026 belum disetor',
    );
    expect(noticeText('EXHIBITION_ENDING', { name: 'PIPAS Banten 2026', endDate: '2026-12-03' })).toEqual({
      title: 'Pameran PIPAS Banten 2026 berakhir besok',
      body: 'Pameran PIPAS Banten 2026 berakhir pada 3 Des 2026.',
    });
    expect(noticeText('CURATION_OVERDUE', { name: 'Tas', uptCode: 'LPP-SRG', submittedAt: '2026-11-03T08:15:00Z' }).body).toBe(
      'Produk dari LPP-SRG diajukan pada 3 Nov 2026 dan belum dikurasi.',
    );
  });

  it("ends a mail with the console's page of the notice, or the inbox, and the e-mail settings", () => {
    expect(mailBody('Hasil penjualan Rp 81.000.', 'https://konsol.example.go.id', '/penyelesaian')).toBe(
      'Hasil penjualan Rp 81.000.\n\nBuka di Konsol Titipan: https://konsol.example.go.id/penyelesaian\n\n' +
        'Pengaturan e-mail notifikasi: https://konsol.example.go.id/notifikasi/preferensi\n',
    );
    expect(mailBody('Pameran berakhir besok.', 'http://localhost:3000', null)).toContain(
      'Buka di Konsol Titipan: http://localhost:3000/notifikasi\n',
    );
  });

  it('says when consignment proposed a return the UPT can confirm', () => {
    const lot = { lotCode: 'L-1', quantity: 8, expiryDate: '2026-12-10', daysLeft: 10 };
    expect(noticeText('LOT_NEAR_EXPIRY', lot).body).not.toMatch(/retur/);
    expect(noticeText('LOT_NEAR_EXPIRY', { ...lot, proposedReturnId: 'r1' }).body).toMatch(/mengusulkan retur/);
  });
});
