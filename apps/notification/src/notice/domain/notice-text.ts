import { formatDay, formatPeriod, formatRupiah } from '@titipan/kernel';
import type { NoticeKind } from './notice-rules';

const rupiah = (n: unknown) => formatRupiah(Number(n));
const s = (v: unknown) => (typeof v === 'string' || typeof v === 'number' ? String(v) : '');
/** A calendar day, or the day of an instant, as `10 Des 2026`. */
const period = (v: unknown) => formatPeriod(s(v));
const day = (v: unknown) => (typeof v === 'string' && /^\d{4}-\d{2}-\d{2}/.test(v) ? formatDay(v.slice(0, 10)) : s(v));

/**
 * A mail's text: the notice's words, then where the console opens it for this person (the page its link names, or
 * the inbox when it names none).
 */
export function mailBody(body: string, consoleUrl: string, link: string | null): string {
  return `${body}\n\nBuka di Konsol Titipan: ${consoleUrl}${link ?? '/notifikasi'}\n\nPengaturan e-mail notifikasi: ${consoleUrl}/notifikasi/preferensi\n`;
}

/**
 * The notice's words in Bahasa Indonesia, for the e-mail (the console words its inbox from kind and subject with
 * its own locale files).
 */
export function noticeText(kind: NoticeKind, subject: Record<string, unknown>): { title: string; body: string } {
  switch (kind) {
    case 'PRODUCT_APPROVED':
      return {
        title: `Produk disetujui: ${s(subject.name)}`,
        body: `Produk ${s(subject.name)} telah disetujui kurator dan dapat dikirim ke mitra.`,
      };
    case 'PRODUCT_REFUSED':
      return {
        title: `Produk ditolak: ${s(subject.name ?? subject.productId)}`,
        body: `Produk ditolak kurator. Alasan: ${((subject.reasons as string[]) ?? []).join('; ')}`,
      };
    case 'CURATION_OVERDUE':
      return {
        title: `Produk menunggu kurasi lebih dari 3 hari: ${s(subject.name ?? subject.productId)}`,
        body: `Produk dari ${s(subject.uptCode)} diajukan pada ${day(subject.submittedAt)} dan belum dikurasi.`,
      };
    case 'RECEIPT_DISCREPANCY':
      return {
        title: 'Penerimaan barang dengan selisih',
        body: `Mitra ${s(subject.venueCode)} menerima kiriman dengan ${s(subject.damaged)} unit rusak dan ${s(subject.short)} unit kurang.`,
      };
    case 'LOT_NEAR_EXPIRY':
      return {
        title: `Lot ${s(subject.lotCode)} mendekati kedaluwarsa`,
        body:
          `${s(subject.quantity)} unit lot ${s(subject.lotCode)} kedaluwarsa pada ${day(subject.expiryDate)} (${s(subject.daysLeft)} hari lagi).` +
          (subject.proposedReturnId ? ' Sistem mengusulkan retur; konfirmasi dengan satu tindakan.' : ''),
      };
    case 'STATEMENT_ISSUED':
      return {
        // a venue with several UPTs gets one per UPT: the title says whose
        title: `Laporan penyelesaian ${subject.uptCode ? `${s(subject.uptCode)} ` : ''}periode ${period(subject.period)} terbit`,
        body: `Laporan penyelesaian periode ${period(subject.period)} terbit dengan hasil penjualan ${rupiah(subject.proceeds)}.`,
      };
    case 'STATEMENT_UNPAID':
      return {
        title: `Laporan penyelesaian ${period(subject.period)} belum dibayar`,
        body: `Laporan penyelesaian periode ${period(subject.period)} terbit pada ${day(subject.issuedAt)} dan belum dibayar setelah 14 hari.`,
      };
    case 'PNBP_NOT_DEPOSITED':
      return {
        title: `PNBP periode ${period(subject.period)} belum disetor`,
        body: `Laporan penyelesaian periode ${period(subject.period)} dibayar pada ${day(subject.paidAt)}; bagian PNBP belum disetor setelah 7 hari.`,
      };
    case 'EXHIBITION_ENDING':
      return {
        title: `Pameran ${s(subject.name)} berakhir besok`,
        body: `Pameran ${s(subject.name)} berakhir pada ${day(subject.endDate)}.`,
      };
  }
}
