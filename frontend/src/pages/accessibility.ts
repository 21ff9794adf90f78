// The accessibility statement /aksesibilitas: the standard aimed at, what is checked and how, the known gaps, and
// how to report a barrier (to the portal's contact address when the deployment names one: PORTAL_CONTACT_EMAIL).
import { type SiteConfig, getJson } from '../api';
import { h } from '../dom';
import { type Lang, lang, t } from '../i18n';
import type { PageContext } from '../page';
import { type ProseSection, type Text, proseSections } from './prose';

const SECTIONS: ProseSection[] = [
  {
    id: 'status',
    title: { id: 'Standar dan status', en: 'Standard and status' },
    paragraphs: [
      { id: 'Portal ini dibuat agar dapat dipakai semua orang, termasuk pengguna pembaca layar, papan ketik saja, pembesaran layar, dan ponsel murah. Sasarannya adalah Web Content Accessibility Guidelines (WCAG) 2.2 tingkat AA.', en: 'This portal is made to be usable by everyone, including people who use a screen reader, only a keyboard, screen magnification or a cheap phone. It aims at the Web Content Accessibility Guidelines (WCAG) 2.2, level AA.' },
      { id: 'Status: sebagian memenuhi. Sebagian besar halaman memenuhi WCAG 2.2 AA; kekurangan yang kami ketahui tercantum di bawah.', en: 'Status: partially conformant. Most pages meet WCAG 2.2 AA; the gaps we know of are listed below.' },
    ],
  },
  {
    id: 'diperiksa',
    title: { id: 'Apa yang diperiksa, dan bagaimana', en: 'What is checked, and how' },
    paragraphs: [{ id: 'Setiap perubahan pada portal diuji otomatis di peramban (Chromium) sebelum dirilis:', en: 'Every change to the portal is tested automatically in a browser (Chromium) before it is released:' }],
    ordered: false,
    list: [
      { id: 'pemindaian axe-core (WCAG 2.0–2.2 A dan AA, serta praktik baik) pada setiap jenis halaman di layar 1280 px dan 375 px: tidak boleh ada temuan berdampak sedang atau lebih berat;', en: 'an axe-core scan (WCAG 2.0–2.2 A and AA, and best practice) of every kind of page at 1280 px and 375 px wide: no finding of moderate impact or worse is allowed;' },
      { id: 'papan ketik saja: pencarian wilayah, dan menelusuri peta dari Indonesia sampai kelurahan lewat tabel pendamping peta, lalu membuka profilnya;', en: 'keyboard only: the region search, and drilling down the map from Indonesia to a kelurahan through the table beside the map, then opening its profile;' },
      { id: 'tata ulang tampilan pada lebar 320 px dan pada pembesaran 200 %: halaman tidak perlu digeser ke samping (tabel yang lebar bergeser di kotaknya sendiri, yang dapat difokus dengan papan ketik);', en: 'reflow at 320 px wide and at 200 % zoom: the page never needs sideways scrolling (a wide table scrolls in its own box, which the keyboard can focus);' },
      { id: 'fokus papan ketik selalu terlihat: setiap elemen yang difokus dengan Tab memiliki garis fokus dan tidak tertutup bagian lain halaman.', en: 'keyboard focus is always visible: every element reached with Tab has a focus outline and is not covered by another part of the page.' },
    ],
  },
  {
    id: 'dukungan',
    title: { id: 'Yang disediakan untuk aksesibilitas', en: 'What the portal provides' },
    paragraphs: [],
    ordered: false,
    list: [
      { id: 'Setiap tampilan peta punya kalimat ringkasan dan tabel dengan angka yang sama, yang dapat dipakai dengan papan ketik untuk menelusuri wilayah.', en: 'Every map view has a summary sentence and a table with the same figures, which the keyboard can use to drill down through the regions.' },
      { id: 'Setiap grafik punya tabel data dan unduhan CSV; angka yang tidak dilaporkan tertulis "belum ada data", tidak pernah 0.', en: 'Every chart has a data table and a CSV download; figures that were not reported read "no data yet", never 0.' },
      { id: 'Halaman kegiatan, kawasan kumuh, dan wilayah dapat dibaca tanpa JavaScript.', en: 'The pages of an activity, a slum area and a region can be read without JavaScript.' },
      { id: 'Tautan lewati ke isi, penanda (landmark), satu judul utama per halaman, kontrol berlabel, kontras AA, dan target sentuh 44 px.', en: 'A skip link, landmarks, one main heading per page, labelled controls, AA contrast and 44 px touch targets.' },
    ],
  },
  {
    id: 'kekurangan',
    title: { id: 'Kekurangan yang diketahui', en: 'Known gaps' },
    paragraphs: [],
    ordered: false,
    list: [
      { id: 'Gambar peta itu sendiri (warna wilayah, titik dan kelompok kegiatan, jendela munculan) dibuat untuk tetikus dan sentuhan, dan warnanya dibedakan hanya dengan warna. Isi yang sama ada di tabel pendamping peta, legenda, dan halaman setiap kegiatan.', en: 'The map picture itself (region colours, activity points and clusters, popups) is made for mouse and touch, and its classes differ by colour only. The same content is in the table beside the map, the legend and the page of each activity.' },
      { id: 'Portal belum diuji oleh pengguna pembaca layar (NVDA, JAWS, VoiceOver, TalkBack). Pemeriksaan otomatis hanya menemukan sebagian masalah.', en: 'The portal has not yet been tested by screen reader users (NVDA, JAWS, VoiceOver, TalkBack). Automated checks find only part of the problems.' },
      { id: 'Nama wilayah, nama kegiatan, dan nilai data ditampilkan seperti dilaporkan, dalam Bahasa Indonesia, juga pada halaman berbahasa Inggris.', en: 'Region names, activity names and data values are shown as reported, in Bahasa Indonesia, on the English pages too.' },
      { id: 'Berkas unduhan (CSV, GeoJSON, GeoPackage) adalah berkas data untuk perangkat lunak, bukan dokumen yang dapat dibaca.', en: 'The downloads (CSV, GeoJSON, GeoPackage) are data files for software, not readable documents.' },
    ],
  },
];

const REPORT: { title: Text; intro: Text; what: Text; none: Text } = {
  title: { id: 'Melaporkan hambatan', en: 'Reporting a barrier' },
  intro: { id: 'Menemukan bagian yang tidak dapat Anda pakai? Beri tahu kami, dan kami akan memperbaikinya atau mengirim informasinya dalam bentuk lain.', en: 'Found a part you cannot use? Tell us, and we will fix it or send you the information in another form.' },
  what: { id: 'Sebutkan alamat halaman, apa yang ingin Anda lakukan, peramban dan perangkat Anda, serta teknologi bantu yang Anda pakai (jika ada).', en: 'Say which page (its address), what you tried to do, your browser and device, and the assistive technology you use, if any.' },
  none: { id: 'Kirim laporan kepada pengelola portal ini, Direktorat Jenderal Cipta Karya, Kementerian PUPR.', en: 'Send your report to the operator of this portal, the Directorate General of Human Settlements (Cipta Karya), Ministry of Public Works.' },
};

export async function render(main: HTMLElement, context: PageContext): Promise<void> {
  const l = lang();
  context.setTitle(t('accessibilityTitle'));
  const report = h('section', { 'aria-labelledby': 'lapor' }, h('h2', { id: 'lapor' }, REPORT.title[l]),
    h('p', {}, REPORT.intro[l]), h('p', {}, REPORT.what[l]));
  main.append(h('h1', { tabindex: '-1' }, t('accessibilityTitle')), ...proseSections(SECTIONS, l), report,
    h('p', { class: 'muted' }, t('accessibilityReviewed')));
  const config = await getJson<SiteConfig>('/site/config.json');
  report.append(contact(config.ok ? config.data.contactEmail : '', l));
}

/** A link that writes to the portal's contact address, or who to write to when the deployment names none. */
function contact(email: string, l: Lang): HTMLElement {
  if (!email) return h('p', {}, REPORT.none[l]);
  const subject = encodeURIComponent(`${t('accessibilityTitle')}: ${location.origin}`);
  return h('p', {}, h('a', { href: `mailto:${email}?subject=${subject}` }, t('accessibilityWrite', { email })));
}
