/**
 * Bahasa Indonesia for the provider's login pages. Keycloak 26.5.6 ships no Indonesian (its themes have no
 * messages_id.properties), so the realm carries these as its localization texts for locale `id`
 * (tools/identity/apply-realm.ts puts them, and removes any key of `id` that is no longer here); English stays
 * Keycloak's own but for the name of Indonesian in the chooser (LOGIN_MESSAGES_EN). Keys are those of theme/base/login/messages/messages_en.properties, limited to the pages the
 * realm `titipan` shows: sign-in, wrong or refused sign-in, page expired, the new password a temporary one owes
 * (with the realm's password policy: length(10), notUsername, maxLength(128)), sign-out and the error page.
 *
 * Keycloak formats every text with java.text.MessageFormat: `{0}` is an argument and a lone apostrophe would
 * start a quotation, so there is none here (login-messages-id.spec.ts checks it).
 */
export const LOGIN_MESSAGES_ID = {
  // the sign-in page
  loginAccountTitle: 'Masuk ke akun Anda',
  loginTitle: 'Masuk ke {0}',
  username: 'Nama pengguna',
  password: 'Kata sandi',
  doLogIn: 'Masuk',
  showPassword: 'Tampilkan kata sandi',
  hidePassword: 'Sembunyikan kata sandi',
  requiredFields: 'Wajib diisi',
  restartLoginTooltip: 'Ulangi proses masuk',
  // the language chooser: its label, and each language by its own name, short enough for the chooser (Keycloak would show `id` and `Inggris (English)`)
  languages: 'Bahasa',
  locale_id: 'Indonesia',
  locale_en: 'English',

  // a refused sign-in
  invalidUserMessage: 'Nama pengguna atau kata sandi salah.',
  invalidUsernameMessage: 'Nama pengguna salah.',
  invalidPasswordMessage: 'Kata sandi salah.',
  missingUsernameMessage: 'Nama pengguna wajib diisi.',
  missingPasswordMessage: 'Kata sandi wajib diisi.',
  accountDisabledMessage: 'Akun Anda dinonaktifkan. Silakan hubungi administrator.',
  // deliberately the same as a wrong password, as in Keycloak's English: the page must not tell that the username exists
  accountTemporarilyDisabledMessage: 'Nama pengguna atau kata sandi salah.',
  accountPermanentlyDisabledMessage: 'Nama pengguna atau kata sandi salah.',

  // an expired page or session
  pageExpiredTitle: 'Halaman sudah kedaluwarsa',
  pageExpiredMsg1: 'Untuk mengulang proses masuk,',
  pageExpiredMsg2: 'Untuk melanjutkan proses masuk,',
  doClickHere: 'klik di sini',
  loginTimeout: 'Waktu untuk masuk sudah habis. Proses masuk dimulai lagi dari awal.',
  expiredCodeMessage: 'Waktu untuk masuk sudah habis. Silakan masuk lagi.',
  expiredActionMessage: 'Waktu tindakan sudah habis. Silakan lanjutkan proses masuk sekarang.',
  expiredActionTokenNoSessionMessage: 'Waktu tindakan sudah habis.',
  expiredActionTokenSessionExistsMessage: 'Waktu tindakan sudah habis. Silakan mulai lagi.',
  sessionNotActiveMessage: 'Sesi tidak aktif.',

  // the new password (a temporary password, or one an administrator reset)
  updatePasswordTitle: 'Ganti kata sandi',
  'requiredAction.UPDATE_PASSWORD': 'Ganti kata sandi',
  updatePasswordMessage: 'Anda harus mengganti kata sandi untuk mengaktifkan akun Anda.',
  passwordNew: 'Kata sandi baru',
  passwordConfirm: 'Ulangi kata sandi baru',
  logoutOtherSessions: 'Keluar dari perangkat lain',
  doSubmit: 'Simpan',
  doCancel: 'Batal',
  notMatchPasswordMessage: 'Kata sandi baru dan ulangannya tidak sama.',
  invalidPasswordConfirmMessage: 'Kata sandi baru dan ulangannya tidak sama.',
  invalidPasswordMinLengthMessage: 'Kata sandi tidak memenuhi syarat: paling sedikit {0} karakter.',
  invalidPasswordMaxLengthMessage: 'Kata sandi tidak memenuhi syarat: paling banyak {0} karakter.',
  invalidPasswordNotUsernameMessage: 'Kata sandi tidak memenuhi syarat: tidak boleh sama dengan nama pengguna.',
  invalidPasswordGenericMessage: 'Kata sandi tidak memenuhi syarat: kata sandi baru tidak sesuai dengan ketentuan kata sandi.',
  accountPasswordUpdatedMessage: 'Kata sandi Anda sudah diganti.',
  accountUpdatedMessage: 'Akun Anda sudah diperbarui.',

  // signing out
  logoutConfirmTitle: 'Keluar',
  logoutConfirmHeader: 'Apakah Anda ingin keluar?',
  doLogout: 'Keluar',
  'frontchannel-logout.title': 'Keluar',
  'frontchannel-logout.message': 'Anda keluar dari aplikasi berikut',
  doContinue: 'Lanjutkan',

  // the error page and notices
  errorTitle: 'Mohon maaf...',
  errorTitleHtml: 'Mohon <strong>maaf</strong>...',
  backToApplication: '« Kembali ke aplikasi',
  proceedWithAction: '» Klik di sini untuk melanjutkan',
  doBack: 'Kembali',
  pageNotFound: 'Halaman tidak ditemukan',
  internalServerError: 'Terjadi kesalahan pada server',
  invalidRequestMessage: 'Permintaan tidak valid',
  invalidParameterMessage: 'Parameter tidak valid: {0}',
  invalidRedirectUriMessage: 'Alamat kembali (redirect URI) tidak valid',
  clientNotFoundMessage: 'Aplikasi tidak dikenal.',
  invalidCodeMessage: 'Terjadi kesalahan. Silakan masuk lagi melalui aplikasi Anda.',
  staleCodeMessage: 'Halaman ini sudah tidak berlaku. Silakan kembali ke aplikasi Anda dan masuk lagi.',
  cookieNotFoundMessage:
    'Cookie untuk mengulang proses masuk tidak ditemukan: mungkin sudah kedaluwarsa atau terhapus, atau cookie dimatikan di peramban Anda. ' +
    'Jika cookie dimatikan, aktifkan kembali. Klik Kembali ke aplikasi untuk masuk lagi.',
  alreadyLoggedIn: 'Anda sudah masuk.',
  differentUserAuthenticated: 'Pada sesi ini Anda sudah masuk sebagai pengguna lain, “{0}”. Silakan keluar terlebih dahulu.',
} as const satisfies Record<string, string>;

/**
 * The only English text the realm adds: Keycloak has no English name for Indonesian either, so the chooser on an
 * English page would offer `id`. Everything else in English is Keycloak's own.
 */
export const LOGIN_MESSAGES_EN = { locale_id: 'Indonesia' } as const satisfies Record<string, string>;

export type LoginMessageKey = keyof typeof LOGIN_MESSAGES_ID;

/** The locale the realm speaks first (its default) and the one after it. */
export const REALM_LOCALES = { first: 'id', second: 'en' } as const;
