import {
  AdminAddUserToGroupCommand,
  AdminCreateUserCommand,
  AdminDisableUserCommand,
  AdminEnableUserCommand,
  AdminGetUserCommand,
  AdminListGroupsForUserCommand,
  AdminRemoveUserFromGroupCommand,
  type CognitoIdentityProviderClient,
  UserNotFoundException,
  UsernameExistsException,
} from '@aws-sdk/client-cognito-identity-provider';
import type { StaffGroup } from '../api/schemas/staff.schema.ts';
import type { StaffAccount, StaffAccounts } from '../ports/staff-accounts.ts';

/** USER_POOL_ID, which infra/function-access.ts gives the functions with user-pool rights. */
export function userPoolId(): string {
  const id = process.env.USER_POOL_ID;
  if (!id) throw new Error('USER_POOL_ID is not set');
  return id;
}

/**
 * Staff accounts in the Cognito user pool. The pool signs in by email: its usernames are the accounts'
 * subs, so every call after creation names the account by its sub.
 */
export class CognitoStaffAccounts implements StaffAccounts {
  private readonly client: CognitoIdentityProviderClient;
  private readonly poolId: string;

  constructor(client: CognitoIdentityProviderClient, poolId: string) {
    this.client = client;
    this.poolId = poolId;
  }

  async create(input: {
    email: string;
    name: string;
    groups: readonly StaffGroup[];
  }): Promise<{ sub: string } | 'exists'> {
    let sub: string | undefined;
    try {
      const created = await this.client.send(
        new AdminCreateUserCommand({
          UserPoolId: this.poolId,
          Username: input.email,
          // The pool's invitation email carries the temporary password (AWS: Cognito sends it).
          DesiredDeliveryMediums: ['EMAIL'],
          UserAttributes: [
            { Name: 'email', Value: input.email },
            // The admin vouches for the address: the person can reset a forgotten password with it.
            { Name: 'email_verified', Value: 'true' },
            { Name: 'name', Value: input.name },
          ],
        }),
      );
      sub = created.User?.Attributes?.find((attribute) => attribute.Name === 'sub')?.Value;
    } catch (error) {
      if (error instanceof UsernameExistsException || (error as Error).name === 'UsernameExistsException') {
        return 'exists';
      }
      throw error;
    }
    if (!sub) throw new Error('the user pool answered a new account without a sub');
    for (const group of input.groups) await this.addToGroup(sub, group);
    return { sub };
  }

  async findByEmail(email: string): Promise<StaffAccount | undefined> {
    try {
      const user = await this.client.send(
        new AdminGetUserCommand({ UserPoolId: this.poolId, Username: email }),
      );
      const attribute = (name: string) => user.UserAttributes?.find((a) => a.Name === name)?.Value;
      const sub = attribute('sub') ?? user.Username ?? '';
      const groups = await this.client.send(
        new AdminListGroupsForUserCommand({ UserPoolId: this.poolId, Username: sub }),
      );
      return {
        sub,
        email: attribute('email') ?? email,
        groups: (groups.Groups ?? []).map((group) => group.GroupName ?? ''),
        enabled: user.Enabled !== false,
        awaitingFirstSignIn: user.UserStatus === 'FORCE_CHANGE_PASSWORD',
      };
    } catch (error) {
      if (error instanceof UserNotFoundException || (error as Error).name === 'UserNotFoundException') {
        return undefined;
      }
      throw error;
    }
  }

  async changeGroups(
    sub: string,
    change: { add: readonly StaffGroup[]; remove: readonly StaffGroup[] },
  ): Promise<void> {
    for (const group of change.add) await this.addToGroup(sub, group);
    for (const group of change.remove) {
      await this.client.send(
        new AdminRemoveUserFromGroupCommand({ UserPoolId: this.poolId, Username: sub, GroupName: group }),
      );
    }
  }

  async setEnabled(sub: string, enabled: boolean): Promise<void> {
    // On AWS, AdminDisableUser also revokes the person's tokens; an ID token already issued stays valid
    // until it expires (one hour, see the pool's client).
    await this.client.send(
      enabled
        ? new AdminEnableUserCommand({ UserPoolId: this.poolId, Username: sub })
        : new AdminDisableUserCommand({ UserPoolId: this.poolId, Username: sub }),
    );
  }

  private async addToGroup(sub: string, group: StaffGroup): Promise<void> {
    // Adding a member twice is no error, so a retried request does no harm.
    await this.client.send(
      new AdminAddUserToGroupCommand({ UserPoolId: this.poolId, Username: sub, GroupName: group }),
    );
  }
}
