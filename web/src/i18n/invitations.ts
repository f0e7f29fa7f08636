import { defineMessages } from './messages.ts';

/** Invitations addressed to me, and accepting them. */
export const invitations = defineMessages({
  de: {
    title: 'Einladungen',
    intro:
      'Hier sehen Sie die offenen Einladungen an Ihre E-Mail-Adresse. Nehmen Sie eine an, werden Sie Mitglied der Organisation und können ihre Anträge bearbeiten.',
    empty: 'Zurzeit gibt es keine offenen Einladungen an Ihre E-Mail-Adresse.',
    loadFailed: 'Ihre Einladungen konnten nicht geladen werden.',
    invitedBy: (who: string) => `Eingeladen von ${who}`,
    someone: 'einem Mitglied',
    validUntil: (until: string) => `Gültig bis ${until}`,
    accept: 'Annehmen',
    accepting: 'Wird angenommen …',
    accepted: (name: string) => `Sie sind jetzt Mitglied von „${name}“.`,
    toOrganisation: (name: string) => `Zur Organisation ${name}`,
    acceptFailed: 'Die Einladung konnte nicht angenommen werden.',
  },
  en: {
    title: 'Invitations',
    intro:
      'These are the open invitations to your email address. Accept one to become a member of the organisation and work on its applications.',
    empty: 'There are no open invitations to your email address at the moment.',
    loadFailed: 'Your invitations could not be loaded.',
    invitedBy: (who: string) => `Invited by ${who}`,
    someone: 'a member',
    validUntil: (until: string) => `Valid until ${until}`,
    accept: 'Accept',
    accepting: 'Accepting …',
    accepted: (name: string) => `You are now a member of “${name}”.`,
    toOrganisation: (name: string) => `Go to ${name}`,
    acceptFailed: 'The invitation could not be accepted.',
  },
});
