import type { StaffGroup } from '../api/schemas/staff.schema.ts';

/** A sign-in account as the user pool knows it. */
export interface StaffAccount {
  sub: string;
  email: string;
  groups: string[];
  enabled: boolean;
  /** The person has not yet replaced the emailed temporary password (FORCE_CHANGE_PASSWORD). */
  awaitingFirstSignIn: boolean;
}

/** The user pool's side of staff accounts (Cognito): who can sign in, and in which groups. */
export interface StaffAccounts {
  /**
   * Creates an account for `email` in these groups; the user pool emails a temporary password (its
   * invitation message). 'exists' (nothing changed) when the address has an account already.
   */
  create(input: {
    email: string;
    name: string;
    groups: readonly StaffGroup[];
  }): Promise<{ sub: string } | 'exists'>;
  /** The account with this address, if any. */
  findByEmail(email: string): Promise<StaffAccount | undefined>;
  /** Adds and removes groups (each change is idempotent). */
  changeGroups(
    sub: string,
    change: { add: readonly StaffGroup[]; remove: readonly StaffGroup[] },
  ): Promise<void>;
  /** Enables or disables sign-in; disabling also ends the person's sessions (refresh tokens). */
  setEnabled(sub: string, enabled: boolean): Promise<void>;
}
