import { defineMessages } from './messages.ts';

/** My organisations: the list and creating one (the full profile is edited on its own page). */
export const organisations = defineMessages({
  de: {
    title: 'Meine Organisationen',
    intro:
      'Anträge stellen Sie für eine Organisation. Hier sehen Sie die Organisationen, denen Sie angehören.',
    empty: 'Sie gehören noch keiner Organisation an. Legen Sie Ihre an, oder lassen Sie sich einladen.',
    loadFailed: 'Ihre Organisationen konnten nicht geladen werden.',
    owner: 'Inhaber/in',
    member: 'Mitglied',
    profileIncomplete: (count: number) =>
      count === 1 ? 'Im Profil fehlt noch eine Angabe.' : `Im Profil fehlen noch ${count} Angaben.`,
    profileComplete: 'Das Profil ist vollständig.',
    createHeading: 'Organisation anlegen',
    createIntro: 'Sie werden Inhaber/in der Organisation und können weitere Mitglieder einladen.',
    legalName: 'Name laut Register oder Satzung',
    legalForm: 'Rechtsform',
    chooseLegalForm: 'Bitte wählen',
    create: 'Organisation anlegen',
    creating: 'Wird angelegt …',
    created: (name: string) => `Die Organisation „${name}“ ist angelegt.`,
    saveFailed: 'Die Organisation konnte nicht angelegt werden.',
  },
  en: {
    title: 'My organisations',
    intro: 'You apply on behalf of an organisation. These are the organisations you belong to.',
    empty: 'You do not belong to any organisation yet. Create yours, or ask to be invited.',
    loadFailed: 'Your organisations could not be loaded.',
    owner: 'Owner',
    member: 'Member',
    profileIncomplete: (count: number) =>
      count === 1
        ? 'One detail is still missing from the profile.'
        : `${count} details are still missing from the profile.`,
    profileComplete: 'The profile is complete.',
    createHeading: 'Create an organisation',
    createIntro: 'You become its owner and can invite further members.',
    legalName: 'Name as registered or in the statutes',
    legalForm: 'Legal form',
    chooseLegalForm: 'Please choose',
    create: 'Create organisation',
    creating: 'Creating …',
    created: (name: string) => `The organisation “${name}” has been created.`,
    saveFailed: 'The organisation could not be created.',
  },
});
