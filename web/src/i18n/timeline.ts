import { defineMessages } from './messages.ts';

/** An application's timeline (components/timeline.tsx): the status page and the back office. */
export const timeline = defineMessages({
  de: {
    byFundingBody: 'Bewilligungsbehörde',
    byMember: (email: string) => `von ${email}`,
  },
  en: {
    byFundingBody: 'Funding body',
    byMember: (email: string) => `by ${email}`,
  },
});
