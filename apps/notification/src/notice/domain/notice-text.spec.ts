import { noticeText } from './notice-text';

describe('notice text (the e-mail)', () => {
  it('writes money as Rp 1.234.567 and days in Indonesian', () => {
    expect(noticeText('STATEMENT_ISSUED', { period: '2026-10', proceeds: 1_200_000 }).body).toBe(
      'Laporan penyelesaian periode 2026-10 terbit dengan hasil penjualan Rp 1.200.000.',
    );
    expect(noticeText('EXHIBITION_ENDING', { name: 'PIPAS Banten 2026', endDate: '2026-12-03' })).toEqual({
      title: 'Pameran PIPAS Banten 2026 berakhir besok',
      body: 'Pameran PIPAS Banten 2026 berakhir pada 3 Des 2026.',
    });
    expect(noticeText('CURATION_OVERDUE', { name: 'Tas', uptCode: 'LPP-SRG', submittedAt: '2026-11-03T08:15:00Z' }).body).toBe(
      'Produk dari LPP-SRG diajukan pada 3 Nov 2026 dan belum dikurasi.',
    );
  });

  it('says when consignment proposed a return the UPT can confirm', () => {
    const lot = { lotCode: 'L-1', quantity: 8, expiryDate: '2026-12-10', daysLeft: 10 };
    expect(noticeText('LOT_NEAR_EXPIRY', lot).body).not.toMatch(/retur/);
    expect(noticeText('LOT_NEAR_EXPIRY', { ...lot, proposedReturnId: 'r1' }).body).toMatch(/mengusulkan retur/);
  });
});
