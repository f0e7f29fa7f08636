import type { DraftContent } from '../api/schemas/draft.schema.ts';
import type { LocalizedText } from '../http/language.ts';
import type { RuleViolation } from './errors.ts';

/**
 * What a draft still needs before it can be submitted (Vollständigkeit), each with the path of the empty
 * field and code `required`. Unanswered follow-up questions (an early start without its reason, de-minimis
 * aid received without its amount) are listed here too, not as violations: they are unfinished input, not
 * a contradiction, and they block submit the same way. `financePlan` stands for "no cost line at all".
 */
export function missingBeforeSubmit(content: DraftContent): RuleViolation[] {
  const missing: RuleViolation[] = [];
  const need = (path: string, message: LocalizedText) => missing.push({ path, code: 'required', message });
  const declarations = content.declarations ?? {};
  const plan = content.financePlan ?? {};

  if (!content.summary?.trim()) {
    need('summary', {
      de: 'Bitte beschreiben Sie das Projekt kurz (Zusammenfassung).',
      en: 'Please describe the project briefly (summary).',
    });
  }
  if (!content.targetGroups?.length) {
    need('targetGroups', {
      de: 'Bitte wählen Sie mindestens eine Zielgruppe.',
      en: 'Please choose at least one target group.',
    });
  }
  if (!content.region) {
    need('region', {
      de: 'Bitte geben Sie an, wo das Projekt stattfindet (Region).',
      en: 'Please state where the project takes place (region).',
    });
  }
  if (!content.projectPeriod?.start) {
    need('projectPeriod.start', {
      de: 'Bitte geben Sie den Projektbeginn an.',
      en: 'Please enter the project start date.',
    });
  }
  if (!content.projectPeriod?.end) {
    need('projectPeriod.end', {
      de: 'Bitte geben Sie das Projektende an.',
      en: 'Please enter the project end date.',
    });
  }

  // No early start: either the project has not started, or an early start is requested with a reason.
  if (declarations.earlyStartRequested === true) {
    if (!declarations.earlyStartReason?.trim()) {
      need('declarations.earlyStartReason', {
        de: 'Bitte begründen Sie, warum das Projekt vor der Bewilligung beginnen soll (vorzeitiger Maßnahmebeginn).',
        en: 'Please give the reason why the project should start before approval (early start).',
      });
    }
  } else if (declarations.notStartedYet !== true) {
    need('declarations.notStartedYet', {
      de: 'Bitte bestätigen Sie, dass das Projekt noch nicht begonnen hat und kein Vertrag dafür geschlossen ist, oder beantragen Sie einen vorzeitigen Maßnahmebeginn.',
      en: 'Please confirm that the project has not started and no contract for it has been signed, or request an early start.',
    });
  }
  if (declarations.subsidyFactsAcknowledged !== true) {
    need('declarations.subsidyFactsAcknowledged', {
      de: 'Bitte bestätigen Sie den Hinweis auf die subventionserheblichen Tatsachen (§ 264 StGB).',
      en: 'Please acknowledge the notice on subsidy-relevant facts (section 264 of the German Criminal Code).',
    });
  }
  if (declarations.deMinimisReceived === undefined) {
    need('declarations.deMinimisReceived', {
      de: 'Bitte geben Sie an, ob Ihre Organisation in diesem und den zwei vorangegangenen Jahren De-minimis-Beihilfen erhalten hat.',
      en: 'Please state whether your organisation received de-minimis aid in this or the two previous years.',
    });
  } else if (declarations.deMinimisReceived && declarations.deMinimisAmountCents === undefined) {
    need('declarations.deMinimisAmountCents', {
      de: 'Bitte geben Sie die Höhe der erhaltenen De-minimis-Beihilfen an.',
      en: 'Please enter the amount of de-minimis aid received.',
    });
  }
  if (declarations.inputTaxDeduction === undefined) {
    need('declarations.inputTaxDeduction', {
      de: 'Bitte geben Sie an, ob Ihre Organisation zum Vorsteuerabzug berechtigt ist.',
      en: 'Please state whether your organisation may deduct input tax.',
    });
  }

  // Letters are only delivered through the portal, so submitting needs the consent the law asks for.
  if (declarations.electronicNotificationConsent !== true) {
    need('declarations.electronicNotificationConsent', {
      de: 'Bitte willigen Sie in die elektronische Bekanntgabe des Bescheids über das Portal ein (§ 41 Abs. 2a VwVfG): Er gilt am Tag nach dem ersten Abruf als bekannt gegeben.',
      en: 'Please consent to the decision letter being notified electronically through the portal (section 41 (2a) of the German Administrative Procedure Act): it counts as notified on the day after its first retrieval.',
    });
  }

  const costLines = (plan.staff?.length ?? 0) + (plan.material?.length ?? 0) + (plan.fees?.length ?? 0);
  if (costLines === 0) {
    need('financePlan', {
      de: 'Bitte tragen Sie mindestens eine Kostenposition ein (Personal, Sachausgaben oder Honorare).',
      en: 'Please enter at least one cost item (staff, material or fees).',
    });
  }
  if (!(plan.requestedGrantCents && plan.requestedGrantCents > 0)) {
    need('financePlan.requestedGrantCents', {
      de: 'Bitte geben Sie den beantragten Zuschuss an.',
      en: 'Please enter the grant you request.',
    });
  }
  return missing;
}
