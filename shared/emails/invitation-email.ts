import type { Invitation } from '../domain/organisation.ts';
import type { OutgoingEmail } from '../ports/mailer.ts';

const berlin = new Intl.DateTimeFormat('de-DE', {
  timeZone: 'Europe/Berlin',
  dateStyle: 'long',
  timeStyle: 'short',
});
const berlinEn = new Intl.DateTimeFormat('en-GB', {
  timeZone: 'Europe/Berlin',
  dateStyle: 'long',
  timeStyle: 'short',
});

/**
 * The invitation to join an organisation: who invites, to which organisation, what to do (sign in or
 * register with exactly this address, then accept) and until when. German first, English below.
 */
export function invitationEmail(invitation: Invitation, organisationName: string): OutgoingEmail {
  const inviter = invitation.invitedByEmail ?? 'ein Mitglied / a member';
  const until = new Date(invitation.expiresAt);
  const text = [
    'Guten Tag,',
    '',
    `${inviter} lädt Sie ein, im Förderportal foerderflow Mitglied der Organisation „${organisationName}" zu werden.`,
    'Als Mitglied können Sie Förderanträge der Organisation gemeinsam mit den anderen Mitgliedern vorbereiten,',
    'bearbeiten und einreichen.',
    '',
    'So nehmen Sie die Einladung an:',
    `1. Melden Sie sich im Förderportal mit genau dieser E-Mail-Adresse an (${invitation.email}).`,
    '   Haben Sie noch kein Konto, registrieren Sie sich mit dieser Adresse.',
    '2. Unter „Einladungen" finden Sie diese Einladung. Wählen Sie „Annehmen".',
    '',
    `Die Einladung gilt bis zum ${berlin.format(until)} Uhr. Danach kann ein Mitglied Sie erneut einladen.`,
    'Wenn Sie diese Einladung nicht erwartet haben, können Sie diese E-Mail ignorieren.',
    '',
    '— English —',
    '',
    `${inviter} invites you to become a member of "${organisationName}" on the foerderflow funding portal.`,
    "As a member you prepare, edit and submit the organisation's grant applications together with the other members.",
    '',
    'To accept:',
    `1. Sign in to the portal with exactly this email address (${invitation.email}),`,
    '   or register with this address if you have no account yet.',
    '2. Open "Invitations", find this invitation and choose "Accept".',
    '',
    `The invitation is valid until ${berlinEn.format(until)} (Berlin time). After that, a member can invite you again.`,
    'If you did not expect this invitation, you can ignore this email.',
    '',
    'Mit freundlichen Grüßen / Kind regards',
    'foerderflow',
  ].join('\n');
  return {
    to: invitation.email,
    subject: `Einladung zu ${organisationName} / Invitation to join ${organisationName}`,
    text,
  };
}
