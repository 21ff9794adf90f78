// About / methodology: KOTAKU, 100-0-100, the 7+1 indicators, scoring bands, sources, update frequency.
import { h } from '../dom';
import { lang, t } from '../i18n';
import type { PageContext } from '../page';
import { type ProseSection, proseSections } from './prose';

const SECTIONS: ProseSection[] = [
  {
    id: 'kotaku',
    title: { id: 'Apa itu KOTAKU?', en: 'What is KOTAKU?' },
    paragraphs: [
      { id: 'KOTAKU (Kota Tanpa Kumuh) adalah program nasional Kementerian PUPR untuk menangani permukiman kumuh perkotaan bersama pemerintah daerah dan masyarakat, dibiayai APBN, pinjaman luar negeri, APBD, CSR, dan swadaya.', en: 'KOTAKU (Kota Tanpa Kumuh, "cities without slums") is the national program of the Ministry of Public Works to upgrade urban slums with local governments and communities, funded by the national budget, foreign loans, local budgets, CSR and community self-help.' },
      { id: 'Sasarannya adalah 100-0-100: 100% akses air minum aman, 0% permukiman kumuh, dan 100% akses sanitasi layak.', en: 'Its target is 100-0-100: 100% access to safe drinking water, 0% slum settlements and 100% access to proper sanitation.' },
    ],
  },
  {
    id: 'indikator',
    title: { id: 'Tujuh indikator ditambah satu', en: 'Seven indicators plus one' },
    paragraphs: [{ id: 'Kekumuhan dinilai pada tujuh aspek (Permen PUPR 14/PRT/M/2018, 16 kriteria). Indikator ke-8 adalah ruang terbuka publik, indikator program yang dicatat tetapi tidak diberi skor.', en: 'Slum conditions are assessed on seven aspects (PUPR regulation 14/PRT/M/2018, 16 criteria). The 8th indicator is public open space, a program indicator that is recorded but not scored.' }],
    list: [
      { id: 'Kondisi bangunan gedung: keteraturan, kepadatan, persyaratan teknis', en: 'Buildings: regularity, density, technical requirements' },
      { id: 'Jalan lingkungan: cakupan layanan dan kualitas permukaan', en: 'Neighbourhood roads: coverage and surface quality' },
      { id: 'Penyediaan air minum: akses aman dan kecukupan (60 l/orang/hari)', en: 'Drinking water: safe access and sufficiency (60 l/person/day)' },
      { id: 'Drainase lingkungan: genangan, ketersediaan, kualitas konstruksi', en: 'Drainage: flooding, availability, construction quality' },
      { id: 'Pengelolaan air limbah: sistem dan prasarana sesuai standar', en: 'Wastewater: systems and facilities up to standard' },
      { id: 'Pengelolaan persampahan: prasarana dan sistem sesuai standar', en: 'Solid waste: facilities and systems up to standard' },
      { id: 'Proteksi kebakaran: prasarana dan sarana', en: 'Fire protection: infrastructure and equipment' },
      { id: '+1 Ruang terbuka publik (taman, lapangan bermain)', en: '+1 Public open space (parks, playgrounds)' },
    ],
  },
  {
    id: 'skor',
    title: { id: 'Cara menghitung skor dan tingkat kekumuhan', en: 'How scores and slum levels are computed' },
    paragraphs: [
      { id: 'Setiap kriteria diberi skor dari bagian lokasi yang terdampak: 0 jika kurang dari 25%, 1 untuk 25–50%, 3 untuk 51–75%, dan 5 untuk 76–100%. Enam belas skor dijumlahkan (paling tinggi 80).', en: 'Each criterion is scored from the share of the location affected: 0 under 25%, 1 for 25–50%, 3 for 51–75% and 5 for 76–100%. The sixteen scores are added up (at most 80).' },
      { id: 'Tingkat (Permen PUPR 14/2018): 60–80 kumuh berat, 38–59 kumuh sedang, 16–37 kumuh ringan, di bawah 16 tidak kumuh. Portal menyimpan versi peraturan bersama setiap penilaian, karena penilaian lama memakai 19 kriteria (Permen 02/2016).', en: 'Levels (PUPR regulation 14/2018): 60–80 severe slum, 38–59 moderate, 16–37 light, under 16 no longer slum. The portal stores the regulation version with every assessment, because older assessments used 19 criteria (regulation 02/2016).' },
      { id: '"Kumuh berkurang (resmi)" adalah luas kawasan yang penilaian terakhirnya tidak kumuh. "Kumuh berkurang (tertimbang)" adalah luas dikali penurunan rata-rata persentase kriteria. Keduanya selalu diberi label dan tidak pernah dijumlahkan.', en: '"Slum reduced (official)" is the area of slum areas whose latest assessment is no longer slum. "Slum reduced (weighted)" is area times the fall of the mean criterion percentage. Both are always labelled and never added together.' },
    ],
  },
  {
    id: 'sumber',
    title: { id: 'Sumber data dan pembaruan', en: 'Data sources and updates' },
    paragraphs: [
      { id: 'Data program dikirim oleh sistem informasi manajemen KOTAKU ke portal; kode dan batas wilayah dari Kemendagri; garis pantai peta dasar dari Natural Earth (domain publik).', en: 'Program data are pushed to the portal by the KOTAKU management information system; region codes and boundaries come from the Ministry of Home Affairs; the base map coastline is Natural Earth (public domain).' },
      { id: 'Setiap pemuatan data membuat versi baru; nomor versi dan tanggalnya tampil di setiap halaman dan setiap jawaban API. Data program dimuat setiap kali sistem informasi program mengirimkannya; kondisi kekumuhan (R0) dinilai ulang setiap tahun.', en: 'Every data load makes a new version; its number and date appear on every page and every API answer. Program data are loaded whenever the program’s information system sends them; slum conditions (R0) are reassessed every year.' },
      { id: 'Data di portal ini sekarang adalah data contoh sintetis yang dibuat dari kode wilayah asli; angka-angkanya bukan angka resmi.', en: 'The data on this portal are now synthetic demo data generated from real region codes; the figures are not official.' },
    ],
  },
];

export function render(main: HTMLElement, context: PageContext): void {
  const l = lang();
  context.setTitle(t('aboutTitle'));
  main.append(h('h1', { tabindex: '-1' }, t('aboutTitle')), ...proseSections(SECTIONS, l));
}
