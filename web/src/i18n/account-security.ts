import { defineMessages } from './messages.ts';

/** Sign-in security: setting up the authenticator app (second factor); only the lazy page uses it. */
export const accountSecurity = defineMessages({
  de: {
    title: 'Anmeldung absichern',
    intro:
      'Mit einer Authenticator-App (zum Beispiel Aegis, FreeOTP, Google oder Microsoft Authenticator) sichern Sie Ihre Anmeldung mit einem zweiten Faktor: Nach dem Passwort fragt foerderflow nach einem sechsstelligen Code, den die App alle 30 Sekunden neu erzeugt.',
    staffNote: 'Für die Arbeit in der Sachbearbeitung ist der zweite Faktor Pflicht.',
    replaceNote:
      'Haben Sie schon eine App eingerichtet, tritt die neue an ihre Stelle, sobald Sie den Code bestätigen.',
    start: 'Authenticator-App einrichten',
    starting: 'Wird vorbereitet …',
    step1Title: 'Schritt 1: Schlüssel in die App übernehmen',
    step1Text:
      'Fügen Sie in der App ein neues Konto hinzu: Scannen Sie den QR-Code oder geben Sie den Schlüssel ein (zeitbasiert, Kontoname Ihre E-Mail-Adresse).',
    secretLabel: 'Schlüssel',
    copy: 'Schlüssel kopieren',
    copied: 'Der Schlüssel ist in der Zwischenablage.',
    copyFailed: 'Kopieren ging nicht. Bitte markieren Sie den Schlüssel und kopieren Sie ihn selbst.',
    openInApp: 'In der Authenticator-App auf diesem Gerät öffnen',
    qrCode: (email: string) => `QR-Code mit dem Schlüssel für ${email}`,
    step2Title: 'Schritt 2: Code aus der App bestätigen',
    code: 'Sechsstelliger Code aus der App',
    codeHint: 'Der Code, den die App jetzt für foerderflow zeigt. Leerzeichen dürfen Sie mit eingeben.',
    codeFormat: 'Der Code besteht aus sechs Ziffern.',
    wrongCode:
      'Dieser Code stimmt nicht. Prüfen Sie, ob die Uhr Ihres Geräts richtig geht, und geben Sie den Code ein, den die App jetzt zeigt.',
    confirm: 'Code bestätigen und zweiten Faktor einschalten',
    confirming: 'Wird eingeschaltet …',
    sessionOver:
      'Ihre Anmeldung ist abgelaufen. Bitte melden Sie sich neu an und beginnen Sie die Einrichtung noch einmal.',
    signInLink: 'Neu anmelden',
    doneTitle: 'Zweiter Faktor eingerichtet',
    doneText: 'Ab jetzt fragt foerderflow bei jeder Anmeldung nach dem Code aus Ihrer Authenticator-App.',
    doneSignInAgain:
      'Melden Sie sich jetzt einmal neu an – erst dann gelten Ihre Rollen in der Sachbearbeitung.',
    signInAgain: 'Abmelden und neu anmelden',
    done: 'Der zweite Faktor ist eingerichtet.',
  },
  en: {
    title: 'Sign-in security',
    intro:
      'With an authenticator app (for example Aegis, FreeOTP, Google or Microsoft Authenticator) you protect your sign-in with a second factor: after the password, foerderflow asks for a six-digit code that the app makes anew every 30 seconds.',
    staffNote: 'Back-office work requires the second factor.',
    replaceNote: 'If you already set up an app, the new one takes its place once you confirm the code.',
    start: 'Set up an authenticator app',
    starting: 'Preparing …',
    step1Title: 'Step 1: Add the key to the app',
    step1Text:
      'Add a new account in the app: scan the QR code or type in the key (time-based, account name your email address).',
    secretLabel: 'Key',
    copy: 'Copy the key',
    copied: 'The key is on the clipboard.',
    copyFailed: 'Copying did not work. Please select the key and copy it yourself.',
    openInApp: 'Open in the authenticator app on this device',
    qrCode: (email: string) => `QR code with the key for ${email}`,
    step2Title: 'Step 2: Confirm the code from the app',
    code: 'Six-digit code from the app',
    codeHint: 'The code the app shows for foerderflow now. You may type it with spaces.',
    codeFormat: 'The code has six digits.',
    wrongCode:
      "This code is not correct. Check that your device's clock is right and enter the code the app shows now.",
    confirm: 'Confirm the code and turn on the second factor',
    confirming: 'Turning it on …',
    sessionOver: 'Your sign-in has expired. Please sign in again and start the setup once more.',
    signInLink: 'Sign in again',
    doneTitle: 'Second factor set up',
    doneText: 'From now on, foerderflow asks for the code from your authenticator app at every sign-in.',
    doneSignInAgain: 'Please sign in again now – only then do your back-office roles apply.',
    signInAgain: 'Sign out and sign in again',
    done: 'The second factor is set up.',
  },
});
