/**
 * The throughput section's check (pure, unit-tested): after many submissions at once and the workflows
 * drained, was every one taken in exactly once — none lost, none doubled?
 */

/** An application as read back after the drain: its status, reference, work left and event types. */
export interface SubmittedApplication {
  id: string;
  status: string;
  reference?: string;
  pendingWork?: string;
  events: readonly string[];
}

export interface SubmissionCheck {
  /** Submissions the API answered with 202. */
  accepted: number;
  /** Applications submitted once, referenced once, in review with no work left. */
  intakeOnce: number;
  /** Applications whose reference no other application has. */
  uniqueReferences: number;
  /** Applications with exactly one receipt email (its subject names the reference). */
  oneReceipt: number;
  /** What went wrong, one line per application and fault (empty when every count is complete). */
  problems: string[];
}

const count = (values: readonly string[], value: string) => values.filter((v) => v === value).length;

export function checkSubmissions(input: {
  /** Each submission's application and the status the API answered. */
  answers: readonly { id: string; status: number }[];
  /** Read back after the drain; absent = not found. */
  applications: ReadonlyMap<string, SubmittedApplication>;
  /** Subjects of every email the local SES accepted. */
  emailSubjects: readonly string[];
}): SubmissionCheck {
  const problems: string[] = [];
  let accepted = 0;
  let intakeOnce = 0;
  let uniqueReferences = 0;
  let oneReceipt = 0;
  const referenceCount = new Map<string, number>();
  for (const application of input.applications.values()) {
    if (application.reference) {
      referenceCount.set(application.reference, (referenceCount.get(application.reference) ?? 0) + 1);
    }
  }
  const ids = new Set<string>();
  for (const answer of input.answers) {
    if (ids.has(answer.id)) problems.push(`${answer.id}: submitted twice by the bench`);
    ids.add(answer.id);
    if (answer.status === 202) accepted++;
    else problems.push(`${answer.id}: submit answered ${answer.status}`);
    const application = input.applications.get(answer.id);
    if (!application) {
      problems.push(`${answer.id}: not found after the drain`);
      continue;
    }
    const submitted = count(application.events, 'SUBMITTED');
    const referenced = count(application.events, 'REFERENCE_ALLOCATED');
    if (
      submitted === 1 &&
      referenced === 1 &&
      application.status === 'IN_REVIEW' &&
      application.pendingWork === undefined
    ) {
      intakeOnce++;
    } else {
      problems.push(
        `${answer.id}: ${application.status}, ${submitted}× SUBMITTED, ${referenced}× REFERENCE_ALLOCATED` +
          (application.pendingWork ? `, ${application.pendingWork} still pending` : ''),
      );
    }
    const reference = application.reference;
    if (!reference) {
      problems.push(`${answer.id}: no reference`);
      continue;
    }
    if (referenceCount.get(reference) === 1) uniqueReferences++;
    else problems.push(`${answer.id}: reference ${reference} given ${referenceCount.get(reference)} times`);
    // A reference is never a prefix of another's (fixed width), so "includes" finds only its own mails.
    const receipts = input.emailSubjects.filter(
      (subject) => subject.startsWith('Eingangsbestätigung') && subject.includes(reference),
    ).length;
    if (receipts === 1) oneReceipt++;
    else problems.push(`${answer.id}: ${receipts} receipt emails for ${reference}`);
  }
  return { accepted, intakeOnce, uniqueReferences, oneReceipt, problems };
}

/**
 * Runs `task` for each of `items` with at most `concurrency` at once (workers taking the next item), and
 * resolves with the results in the items' order.
 */
export async function withConcurrency<T, R>(
  items: readonly T[],
  concurrency: number,
  task: (item: T, index: number) => Promise<R>,
): Promise<R[]> {
  if (!(Number.isInteger(concurrency) && concurrency > 0)) throw new Error(`concurrency ${concurrency}`);
  const results = new Array<R>(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const index = next++;
      results[index] = await task(items[index] as T, index);
    }
  };
  await Promise.all(Array.from({ length: Math.min(concurrency, items.length) }, worker));
  return results;
}
